using System.Text.RegularExpressions;

namespace OversightBot.Import.Drafting;

/// <summary>What a letter says about itself: date, subject, addressee, copies and signatory.</summary>
public sealed record LetterFacts(int Start, DateOnly? Date, string Title, string? Addressee, string? Cc, string Issuer, string File, IReadOnlyList<string> Warnings)
{
    public DraftSource Source(string quote) => new(Title, Issuer, Date, quote, File);
}

/// <summary>Reads the facts of the letter that contains paragraph <c>anchor</c> (or the first letter in the document).</summary>
public static partial class Letters
{
    public static LetterFacts Read(DraftContext document, int anchor)
    {
        var paras = document.Paras;
        var dear = LastBefore(paras, anchor < 0 ? paras.Count : anchor, p => p.StartsWith("Dear "));
        var start = dear < 0 ? 0 : dear;
        var warnings = new List<string>();
        var dateAt = LastBefore(paras, start, p => DraftContext.StandaloneDate(p) is not null);
        DateOnly? date = dateAt < 0 ? null : DraftContext.StandaloneDate(paras[dateAt]);
        if (date is null)
        {
            warnings.Add("the letter's date was not found");
        }

        var name = dear < 0 ? null : paras[dear].Text[5..].Trim().TrimEnd(',');
        var addresseeAt = name is null ? -1 : LastBefore(paras, start, p => p.Text.StartsWith(name + " ", StringComparison.Ordinal) && !p.Text.Contains("Dear", StringComparison.Ordinal));
        var addressee = addresseeAt >= 0 ? Addressee(paras[addresseeAt].Text, name!) : name;
        var cc = paras.Take(start).LastOrDefault(p => p.StartsWith("CC:"))?.Text[3..].Trim();
        var subject = start + 1 < paras.Count && paras[start + 1].Text.Length < 120 ? paras[start + 1].Text : document.File;
        return new LetterFacts(start, date, subject, addressee, cc, Issuer(document, start), document.File, warnings);
    }

    private static string Addressee(string line, string name)
    {
        var role = line[name.Length..].Trim();
        var full = line[..name.Length];
        var words = role.Split(' ');
        // "Sadiq Khan Mayor of London": the name is the first two words, the role the rest.
        if (words.Length > 1 && char.IsUpper(words[0][0]) && !role.StartsWith("Mayor", StringComparison.Ordinal))
        {
            full = $"{name} {words[0]}";
            role = string.Join(' ', words[1..]);
        }

        return role.Length == 0 ? full : $"{full}, {role}";
    }

    private static string Issuer(DraftContext document, int start)
    {
        var chair = ChairOf().Match(document.Text[Math.Min(document.Text.Length, Offset(document, start))..]);
        return chair.Success ? $"London Assembly {chair.Groups[1].Value}" : "unknown issuer";
    }

    private static int Offset(DraftContext document, int paraIndex) =>
        paraIndex <= 0 ? 0 : Math.Max(0, document.Text.IndexOf(document.Paras[paraIndex].Text, StringComparison.Ordinal));

    private static int LastBefore(IReadOnlyList<Para> paras, int before, Func<Para, bool> predicate)
    {
        for (var i = Math.Min(before, paras.Count) - 1; i >= 0; i--)
        {
            if (predicate(paras[i]))
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"Chair(?:man)? of the (?:London Assembly )?([A-Z][\w ]+? Committee)")]
    private static partial Regex ChairOf();
}
