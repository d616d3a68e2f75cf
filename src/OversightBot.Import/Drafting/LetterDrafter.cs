using System.Globalization;
using System.Text.RegularExpressions;
using OversightBot.Core.Domain;
using OversightBot.Core.Language;

namespace OversightBot.Import.Drafting;

/// <summary>
/// Committee letters: each "Recommendation:" paragraph is an item whose deadline is resolved from its prose against
/// the letter's date; lettered parts (a)(b)(c) stay parts of one recommendation; "quarterly" is a recurrence; the
/// reply-by date is its own item. The body named before "should" (else the addressee) is accountable.
/// </summary>
public sealed partial class LetterDrafter : IDrafter
{
    public string Kind => "letter";

    public bool Matches(DraftContext document) => document.Paras.Any(p => p.StartsWith("Recommendation:"));

    public IReadOnlyList<Draft> Draft(DraftContext document)
    {
        var letter = Letters.Read(document, document.IndexOf(p => p.StartsWith("Recommendation:")));
        var drafts = new List<Draft>();
        foreach (var p in document.Paras.Where(p => p.StartsWith("Recommendation:")))
        {
            drafts.Add(Recommendation(letter, p));
        }

        if (ReplyBy(document, letter) is { } reply)
        {
            drafts.Add(reply);
        }

        return drafts;
    }

    private static Draft Recommendation(LetterFacts letter, Para p)
    {
        var text = p.Text["Recommendation:".Length..].Trim();
        var warnings = new List<string>();
        var owner = Bodies.SubjectOf(text) ?? letter.Addressee;
        if (owner is null)
        {
            warnings.Add("no accountable body named and no addressee found: set the owner");
        }

        var parts = PartMarker().Matches(text).Select((m, i) => new DraftPart(m.Groups[1].Value, PartText(text, m, i))).ToList();
        var (due, recurrence, rule, precision) = DueOf(text, letter.Date, warnings);
        var hash = DraftIds.Hash("recommendation", letter.Title, p.Text);
        return new Draft
        {
            Id = DraftIds.FromHash(ItemKind.Recommendation, hash),
            Kind = ItemKind.Recommendation,
            SubKind = "Committee",
            Title = Titles.From(Titles.AfterModal(parts.Count > 0 ? text[..PartMarker().Match(text).Index] + parts[0].Text : text)),
            Text = text,
            Owner = owner,
            Due = due,
            DuePrecision = precision,
            DueRule = rule,
            Recurrence = recurrence,
            Opened = letter.Date,
            Source = letter.Source(p.Text),
            Parts = parts,
            Warnings = [.. letter.Warnings, .. warnings],
            ContentHash = hash,
        };
    }

    internal static (DateOnly? Due, Recurrence Recurrence, string? Rule, string? Precision) DueOf(string text, DateOnly? anchor, List<string> warnings)
    {
        if (anchor is not { } date)
        {
            warnings.Add("the letter's date was not found, so its deadlines cannot be resolved: set the due date");
            return (null, Recurrence.None, null, null);
        }

        var deadline = DeadlineResolver.Resolve(text, date);
        var recurrence = RecurrenceOf(deadline.Recurrence, text);
        if (deadline.Due is { } due)
        {
            return (due, recurrence, deadline.Matched, "day");
        }

        if (recurrence != Recurrence.None)
        {
            var first = FirstOccurrence(date, recurrence);
            warnings.Add($"{recurrence.ToString().ToLowerInvariant()} with no start date: the first is assumed due {first.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}, the end of the period the letter is dated in; confirm it");
            return (first, recurrence, deadline.Matched, "day");
        }

        warnings.Add("no deadline in the text: set the due date (or leave it empty on purpose)");
        return (null, Recurrence.None, null, null);
    }

    private static Recurrence RecurrenceOf(string? timex, string text)
    {
        var lower = text.ToLowerInvariant();
        return timex switch
        {
            _ when lower.Contains("quarterly", StringComparison.Ordinal) || timex is "P3M" or "XXXX-QX" => Recurrence.Quarterly,
            _ when lower.Contains("monthly", StringComparison.Ordinal) || timex is "P1M" => Recurrence.Monthly,
            _ when lower.Contains("annually", StringComparison.Ordinal) || lower.Contains("every year", StringComparison.Ordinal) || timex is "P1Y" => Recurrence.Annually,
            _ => Recurrence.None,
        };
    }

    private static DateOnly FirstOccurrence(DateOnly date, Recurrence recurrence) => recurrence switch
    {
        Recurrence.Monthly => new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1),
        Recurrence.Quarterly => new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1).AddMonths(3).AddDays(-1),
        _ => (date.Month >= 4 ? new DateOnly(date.Year + 1, 3, 31) : new DateOnly(date.Year, 3, 31)),
    };

    private static string PartText(string text, Match m, int index)
    {
        var next = PartMarker().Matches(text).Skip(index + 1).FirstOrDefault();
        var end = next?.Index ?? text.Length;
        return text[(m.Index + m.Length)..end].Trim().TrimEnd(';', ' ').Trim();
    }

    private static Draft? ReplyBy(DraftContext document, LetterFacts letter)
    {
        var p = document.Paras.FirstOrDefault(x => x.Index > letter.Start && ReplyWords().IsMatch(x.Text));
        if (p is null || letter.Date is not { } date)
        {
            return null;
        }

        var sentence = ReplyWords().Match(p.Text) is { } m ? SentenceAround(p.Text, m.Index) : p.Text;
        var warnings = new List<string>();
        var due = DeadlineResolver.Resolve(sentence, date).Due;
        if (due is null)
        {
            warnings.Add("a reply is asked for but no date was found: set the due date");
        }

        var hash = DraftIds.Hash("reply", letter.Title, sentence);
        return new Draft
        {
            Id = DraftIds.FromHash(ItemKind.StatutoryDuty, hash),
            Kind = ItemKind.StatutoryDuty,
            SubKind = "Committee letter",
            Title = $"Reply to the letter '{letter.Title}'",
            Text = sentence,
            Owner = letter.Addressee,
            Due = due,
            DuePrecision = due is null ? null : "day",
            DueRule = sentence,
            Opened = date,
            Source = letter.Source(sentence),
            Warnings = [.. letter.Warnings, .. warnings, .. letter.Addressee is null ? new[] { "no addressee found: set the owner" } : []],
            ContentHash = hash,
        };
    }

    internal static string SentenceAround(string text, int at)
    {
        var start = text.LastIndexOf(". ", Math.Max(0, at), StringComparison.Ordinal);
        var end = text.IndexOf(". ", at, StringComparison.Ordinal);
        return text[(start < 0 ? 0 : start + 2)..(end < 0 ? text.Length : end + 1)].Trim();
    }

    [GeneratedRegex(@"\(([a-z])\)\s*")]
    private static partial Regex PartMarker();

    [GeneratedRegex(@"(welcome a (response|reply)|(respond|reply|response)[^.]{0,40}\bby\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyWords();
}
