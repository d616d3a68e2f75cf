using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OversightBot.Import.Reading;

/// <summary>
/// Reads the first worksheet of an .xlsx workbook. Cells holding formulas are refused (their cached values may be
/// stale and are not what a clerk typed): the error lists them so they can be pasted as values.
/// </summary>
public static class XlsxSheet
{
    private static readonly HashSet<uint> DateFormats = [14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57];

    public static Reading.Sheet Read(InputFile file)
    {
        try
        {
            using var stream = new MemoryStream(file.Bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw new ImportException($"{file.Name}: an Excel package without a workbook.");
            var first = workbook.Workbook?.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().FirstOrDefault()
                ?? throw new ImportException($"{file.Name}: the workbook has no worksheet.");
            var part = (WorksheetPart)workbook.GetPartById(first.Id!.Value!);
            var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var dateStyles = DateStyleIndexes(workbook);
            var rows = new List<SheetRow>();
            var formulas = new List<string>();
            foreach (var row in part.Worksheet?.Descendants<Row>() ?? [])
            {
                rows.Add(ReadRow(row, strings, dateStyles, formulas));
            }

            if (formulas.Count > 0)
            {
                var shown = string.Join(", ", formulas.Take(10)) + (formulas.Count > 10 ? $" and {formulas.Count - 10} more" : "");
                throw new ImportException($"{file.Name}: cells hold formulas ({shown}); copy the sheet and paste it as values, then import that. Nothing was imported.");
            }

            return new Reading.Sheet(first.Name?.Value ?? file.Name, rows);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException or KeyNotFoundException)
        {
            throw new ImportException($"{file.Name}: not a readable Excel workbook ({ex.Message}).");
        }
    }

    private static SheetRow ReadRow(Row row, List<string> strings, HashSet<uint> dateStyles, List<string> formulas)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var reference = cell.CellReference?.Value ?? "";
            var column = ColumnIndex(reference);
            while (column > cells.Count)
            {
                cells.Add("");
            }

            if (cell.CellFormula is not null)
            {
                formulas.Add(reference);
            }

            cells.Add(Value(cell, strings, dateStyles));
        }

        return new SheetRow((int)(row.RowIndex?.Value ?? 0), cells);
    }

    private static string Value(Cell cell, List<string> strings, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i] : "";
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        if ((type is null || type == CellValues.Number) && cell.StyleIndex?.Value is { } style && dateStyles.Contains(style)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return raw;
    }

    private static HashSet<uint> DateStyleIndexes(WorkbookPart workbook)
    {
        var result = new HashSet<uint>();
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        for (var i = 0; i < formats.Count; i++)
        {
            var id = formats[i].NumberFormatId?.Value ?? 0;
            if (DateFormats.Contains(id) || (custom.TryGetValue(id, out var code) && LooksLikeDate(code)))
            {
                result.Add((uint)i);
            }
        }

        return result;
    }

    private static bool LooksLikeDate(string code)
    {
        var plain = new string(code.Where(c => c is not ('"' or '\\')).ToArray()).ToLowerInvariant();
        return plain.Contains('d', StringComparison.Ordinal) && plain.Contains('y', StringComparison.Ordinal);
    }

    private static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            n = n * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return Math.Max(0, n - 1);
    }
}
