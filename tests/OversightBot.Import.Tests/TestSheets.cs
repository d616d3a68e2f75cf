using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OversightBot.Import.Tests;

/// <summary>Builds .xlsx trackers: text cells, real date cells (date-formatted serial numbers) and formula cells.</summary>
public static class TestSheets
{
    /// <summary>A cell value: a string, a <see cref="DateOnly"/> (stored as a date), or "=..." (a formula with a cached value).</summary>
    public static byte[] Xlsx(params object?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()),
                new Fills(new Fill()),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    row.AppendChild(Cell(rows[r][c], $"{(char)('A' + c)}{r + 1}"));
                }

                data.AppendChild(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Tracker" }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Cell Cell(object? value, string reference) => value switch
    {
        DateOnly d => new Cell
        {
            CellReference = reference,
            StyleIndex = 1,
            CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
        },
        string s when s.StartsWith('=') => new Cell
        {
            CellReference = reference,
            CellFormula = new CellFormula(s[1..]),
            CellValue = new CellValue("0"),
        },
        _ => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value?.ToString() ?? "")) },
    };
}
