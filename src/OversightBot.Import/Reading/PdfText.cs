using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace OversightBot.Import.Reading;

/// <summary>
/// The text layer of a PDF as lines: words on one baseline make a line, a wide vertical gap makes a blank line
/// (a paragraph break), and a line that starts right of the page's left margin is indented by a space.
/// </summary>
public static class PdfText
{
    public static string Read(InputFile file)
    {
        try
        {
            using var document = PdfDocument.Open(file.Bytes, new ParsingOptions { UseLenientParsing = false });
            if (document.IsEncrypted)
            {
                throw Encrypted(file.Name);
            }

            var text = new StringBuilder();
            foreach (var page in document.GetPages())
            {
                // A page break ends a paragraph only where the last line ends a sentence; otherwise the text runs on.
                var end = text.ToString().TrimEnd(' ', '\n');
                if (end.Length > 0 && end[^1] is '.' or ':' or '?' or '!' or ';')
                {
                    text.Append('\n');
                }

                AppendPage(page, text);
            }

            if (string.IsNullOrWhiteSpace(text.ToString()))
            {
                throw new ImportException($"{file.Name}: the PDF has no text layer (a scan or images only); run it through OCR or import the original Word document.");
            }

            return text.ToString();
        }
        catch (PdfDocumentEncryptedException)
        {
            throw Encrypted(file.Name);
        }
        catch (Exception ex) when (ex is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or InvalidCastException)
        {
            throw new ImportException($"{file.Name}: not a readable PDF ({ex.Message.Split('\n')[0].Trim()}).");
        }
    }

    private static ImportException Encrypted(string name) =>
        new($"{name}: the PDF is encrypted or password-protected; save an unprotected copy and import that.");

    private static void AppendPage(Page page, StringBuilder text)
    {
        var lines = page.GetWords()
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom, 0))
            .OrderByDescending(g => g.Key)
            .Select(g => (Y: g.Key, Words: g.OrderBy(w => w.BoundingBox.Left).ToList()))
            .ToList();
        if (lines.Count == 0)
        {
            return;
        }

        var left = lines.Min(l => l.Words[0].BoundingBox.Left);
        var height = Median(lines.SelectMany(l => l.Words).Select(w => w.BoundingBox.Height).Where(h => h > 0));
        double? previousY = null;
        foreach (var (y, words) in lines)
        {
            if (previousY is { } py && py - y > height * 2.2)
            {
                text.Append('\n');
            }

            var indent = words[0].BoundingBox.Left - left > height ? " " : "";
            text.Append(indent).Append(string.Join(' ', words.Select(w => w.Text))).Append('\n');
            previousY = y;
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 10 : sorted[sorted.Count / 2];
    }
}
