using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace OversightBot.Import.Tests;

/// <summary>Builds the PDF and Word files real letters arrive as, from plain text (a seed document).</summary>
public static class TestDocuments
{
    private const double Margin = 40, Top = 800, Bottom = 50, Size = 9, Leading = 12, Indent = 20;
    private const int Wrap = 95;

    /// <summary>A PDF with a text layer: one line per wrapped line, a gap between paragraphs, sub-bullets indented, paragraphs kept on one page.</summary>
    public static byte[] Pdf(string text)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var y = Top;
        foreach (var block in Blocks(text))
        {
            var lines = block.SelectMany(l => WrapLine(l.Text).Select((w, i) => (w, l.Indented))).ToList();
            if (y - lines.Count * Leading < Bottom)
            {
                page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
                y = Top;
            }

            foreach (var (line, indented) in lines)
            {
                page.AddText(Sanitise(line), Size, new PdfPoint(Margin + (indented ? Indent : 0), y), font);
                y -= Leading;
            }

            y -= Leading * 1.5;
        }

        return builder.Build();
    }

    /// <summary>A PDF whose only page holds an image and no text (a scan).</summary>
    public static byte[] ImageOnlyPdf()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddPng(OnePixelPng, new PdfRectangle(40, 40, 500, 700));
        return builder.Build();
    }

    /// <summary>A Word document: a paragraph per paragraph, bullets as list paragraphs (level 1 for indented ones).</summary>
    public static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var block in Blocks(text))
            {
                foreach (var (line, indented, bullet) in block.Select(l => (l.Text, l.Indented, l.Bullet)))
                {
                    var run = new Run(new Text(bullet ? line[2..] : line) { Space = SpaceProcessingModeValues.Preserve });
                    var p = new Paragraph(run);
                    if (bullet)
                    {
                        p.PrependChild(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = indented ? 1 : 0 }, new NumberingId { Val = 1 })));
                    }

                    body.AppendChild(p);
                }
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private sealed record Line(string Text, bool Indented, bool Bullet);

    /// <summary>Paragraph blocks: runs of non-blank lines; bullet lines are their own lines within a block.</summary>
    private static IEnumerable<List<Line>> Blocks(string text)
    {
        var block = new List<Line>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.Trim().Length == 0)
            {
                if (block.Count > 0)
                {
                    yield return block;
                    block = [];
                }

                continue;
            }

            var trimmed = raw.Trim();
            var bullet = trimmed.StartsWith("- ", StringComparison.Ordinal);
            if (!bullet && block.Count > 0 && !block[^1].Bullet)
            {
                // consecutive plain lines are one paragraph in the seed files' layout
                block[^1] = block[^1] with { Text = block[^1].Text + " " + trimmed };
                continue;
            }

            block.Add(new Line(trimmed, char.IsWhiteSpace(raw[0]), bullet));
        }

        if (block.Count > 0)
        {
            yield return block;
        }
    }

    private static IEnumerable<string> WrapLine(string line)
    {
        var current = new StringBuilder();
        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = word is "-" or "–" or "—";
            if (current.Length > 0 && current.Length + word.Length + 1 > Wrap && !dash)
            {
                yield return current.ToString();
                current.Clear();
            }

            current.Append(current.Length > 0 ? " " : "").Append(word);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    /// <summary>The standard PDF fonts cover Latin-1 and a few typographic marks; anything else becomes a space.</summary>
    private static string Sanitise(string line) =>
        new([.. line.Select(c => c == '\t' ? ' ' : c < 256 || c is '’' or '‘' or '“' or '”' or '–' or '—' or '•' or '…' ? c : ' ')]);

    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static string Utf8(this byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
