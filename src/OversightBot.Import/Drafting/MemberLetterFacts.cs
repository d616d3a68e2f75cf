using System.Text.RegularExpressions;
using OversightBot.Core.Language;

namespace OversightBot.Import.Drafting;

/// <summary>The letter and the response: titles, dates, addressee and who responded.</summary>
internal sealed partial record MemberLetterFacts(
    DraftSource Letter, DraftSource Response, int ResponseAt, DateOnly? ResponseDate, string? Addressee, string? Responder, IReadOnlyList<string> Warnings)
{
    public static MemberLetterFacts Read(DraftContext document)
    {
        var paras = document.Paras;
        var responseAt = document.IndexOf(p => p.StartsWith("Response from"));
        var responseDate = responseAt < 0 ? null : paras.Skip(responseAt + 1).Take(3).Select(DraftContext.StandaloneDate).FirstOrDefault(d => d is not null);
        var title = paras.FirstOrDefault(p => p.StartsWith("Letter to") && p.Text.Length < 150)?.Text ?? document.File;
        var addressee = LetterTo().Match(title) is { Success: true } m ? m.Groups[1].Value : null;
        var warnings = new List<string>();
        var letterDate = LetterDate(document, responseAt, responseDate);
        if (letterDate is null)
        {
            warnings.Add("the letter's date was not found: the time taken to answer is unknown");
        }

        var author = SignatureAfter(paras, 0, responseAt);
        var responder = SignatureAfter(paras, responseAt, paras.Count);
        var responseTitle = responseAt < 0 ? title : $"{paras[responseAt].Text} – {title}";
        return new MemberLetterFacts(
            new DraftSource(title, author ?? "unknown author", letterDate, "", document.File),
            new DraftSource(responseTitle, responder ?? "unknown responder", responseDate, "", document.File),
            responseAt < 0 ? paras.Count : responseAt, responseDate, addressee, responder, warnings);
    }

    /// <summary>"Thank you for your letter dated 5 September": the day and month, in the year before the response.</summary>
    private static DateOnly? LetterDate(DraftContext document, int responseAt, DateOnly? responseDate)
    {
        var p = document.Paras.Skip(Math.Max(0, responseAt)).FirstOrDefault(x => x.Text.Contains("letter dated", StringComparison.OrdinalIgnoreCase));
        if (p is null || responseDate is not { } reply)
        {
            return null;
        }

        var at = p.Text.IndexOf("letter dated", StringComparison.OrdinalIgnoreCase);
        var mention = DateRecognizer.Recognize(p.Text[at..], reply).FirstOrDefault(x => x.Type == "date" && x.Date is not null);
        return mention?.Date is { } d ? (d > reply ? d.AddYears(-1) : d) : null;
    }

    /// <summary>The organisation or role under the name after "Yours sincerely" between two paragraphs.</summary>
    private static string? SignatureAfter(IReadOnlyList<Para> paras, int from, int to)
    {
        var at = -1;
        for (var i = Math.Max(0, from); i < Math.Min(to, paras.Count); i++)
        {
            if (paras[i].StartsWith("Yours sincerely"))
            {
                at = i;
            }
        }

        if (at < 0)
        {
            return null;
        }

        var lines = paras.Skip(at + 1).Take(3).Select(p => p.Text).Where(t => t.Length < 80 && !t.StartsWith("Back to", StringComparison.Ordinal)).ToList();
        return lines.Count switch
        {
            0 => null,
            1 => lines[0],
            _ => lines.Count >= 3 && lines[1].Length < 20 ? $"{lines[0]}, {lines[1]}, {lines[2]}" : $"{lines[0]}, {lines[1]}",
        };
    }

    [GeneratedRegex(@"^Letter to (.+?) on ")]
    private static partial Regex LetterTo();
}
