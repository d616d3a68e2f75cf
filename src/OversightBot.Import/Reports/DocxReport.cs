using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace OversightBot.Import.Reports;

/// <summary>A report as a Word document (A4 landscape, a bordered table per section), valid against the Open XML schema.</summary>
public static class DocxReport
{
    public static byte[] Write(Report report)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.AppendChild(Para(report.Title, bold: true, size: 32));
            body.AppendChild(Para(report.Subtitle));
            foreach (var table in report.Tables)
            {
                body.AppendChild(Para(table.Heading, bold: true, size: 26));
                if (table.Note is { } note)
                {
                    body.AppendChild(Para(note));
                }

                body.AppendChild(Table(table));
                body.AppendChild(Para(table.Rows.Count == 0 ? "Nothing to report." : ""));
            }

            body.AppendChild(new SectionProperties(
                new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1000, Bottom = 1000, Left = 1000, Right = 1000, Header = 500, Footer = 500, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Table Table(ReportTable data)
    {
        var table = new Table();
        var border = new Func<BorderType, BorderType>(b => { b.Val = BorderValues.Single; b.Size = 4; return b; });
        table.AppendChild(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                border(new TopBorder()), border(new LeftBorder()), border(new BottomBorder()), border(new RightBorder()),
                border(new InsideHorizontalBorder()), border(new InsideVerticalBorder()))));
        table.AppendChild(new TableGrid(data.Columns.Select(_ => new GridColumn { Width = (14838 / data.Columns.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.AppendChild(Row(data.Columns, header: true));
        foreach (var row in data.Rows)
        {
            table.AppendChild(Row(row, header: false));
        }

        if (data.Totals is { } totals)
        {
            table.AppendChild(Row(totals, header: true));
        }

        return table;
    }

    private static TableRow Row(IEnumerable<string> cells, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.AppendChild(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            row.AppendChild(new TableCell(Para(cell, bold: header)));
        }

        return row;
    }

    private static Paragraph Para(string text, bool bold = false, int? size = null)
    {
        var props = new RunProperties();
        if (bold)
        {
            props.AppendChild(new Bold());
        }

        if (size is { } s)
        {
            props.AppendChild(new FontSize { Val = s.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        var run = new Run();
        if (props.HasChildren)
        {
            run.AppendChild(props);
        }

        run.AppendChild(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(run);
    }
}
