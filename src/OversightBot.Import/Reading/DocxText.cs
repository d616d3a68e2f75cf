using System.IO.Packaging;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace OversightBot.Import.Reading;

/// <summary>
/// The text of a Word document as lines: a paragraph is a line followed by a blank line; a list paragraph is a
/// "- " bullet indented one space per level; a table row is its cells joined by tabs.
/// </summary>
public static class DocxText
{
    public static string Read(InputFile file)
    {
        try
        {
            using var stream = new MemoryStream(file.Bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new ImportException($"{file.Name}: a Word package without a document body.");
            var text = new StringBuilder();
            foreach (var element in body.ChildElements)
            {
                Append(element, text);
            }

            return string.IsNullOrWhiteSpace(text.ToString())
                ? throw new ImportException($"{file.Name}: the Word document has no text.")
                : text.ToString();
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException)
        {
            throw new ImportException($"{file.Name}: not a readable Word document ({ex.Message}).");
        }
    }

    private static void Append(OpenXmlElement element, StringBuilder text)
    {
        switch (element)
        {
            case Paragraph p:
                var line = ParagraphText(p);
                var numbering = p.ParagraphProperties?.NumberingProperties;
                if (numbering is not null && line.Length > 0)
                {
                    var level = numbering.NumberingLevelReference?.Val?.Value ?? 0;
                    text.Append(' ', level).Append("- ").Append(line).Append('\n');
                }
                else
                {
                    text.Append('\n').Append(line).Append("\n\n");
                }

                break;
            case Table table:
                foreach (var row in table.Elements<TableRow>())
                {
                    text.Append(string.Join('\t', row.Elements<TableCell>().Select(c => string.Join(' ', c.Elements<Paragraph>().Select(ParagraphText))))).Append('\n');
                }

                text.Append('\n');
                break;
        }
    }

    private static string ParagraphText(Paragraph p)
    {
        var sb = new StringBuilder();
        foreach (var node in p.Descendants())
        {
            switch (node)
            {
                case Text t:
                    sb.Append(t.Text);
                    break;
                case TabChar:
                    sb.Append('\t');
                    break;
                case Break:
                    sb.Append(' ');
                    break;
            }
        }

        return sb.ToString().Trim();
    }
}
