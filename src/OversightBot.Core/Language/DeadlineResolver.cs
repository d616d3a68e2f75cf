using System.Globalization;
using OversightBot.Core.Language.Dates;
using OversightBot.Core.Time;

namespace OversightBot.Core.Language;

/// <summary>What a document's deadline wording means: a due date, a recurrence, or honestly nothing.</summary>
public sealed record Deadline(DateOnly? Due, string? Recurrence, string? Matched)
{
    public bool Understood => Due is not null || Recurrence is not null;

    public static Deadline None { get; } = new(null, null, null);
}

/// <summary>
/// Resolves deadline wording against the date of the document that states it: "within four weeks" of a letter dated
/// 9 January 2023 is 6 February 2023; "within 20 working days" skips weekends and England and Wales bank holidays;
/// "during 2023/24" is due 31 March 2024; "quarterly" is a recurrence; "in due course" has no date.
/// </summary>
public static class DeadlineResolver
{
    private static readonly string[] NoDateWords = ["none set", "none stated", "no date given", "date not given", "not stated", "no date since", "not given"];

    public static Deadline Resolve(string? rule, DateOnly documentDate)
    {
        if (string.IsNullOrWhiteSpace(rule))
        {
            return Deadline.None;
        }

        var mentions = DateRecognizer.Recognize(rule, documentDate);
        var recurrence = mentions.FirstOrDefault(m => m.Type == "set");
        var lower = rule.ToLowerInvariant();
        if (lower.StartsWith("none", StringComparison.Ordinal) || NoDateWords.Any(w => lower.Contains(w, StringComparison.Ordinal)))
        {
            return new Deadline(null, recurrence?.Timex, recurrence?.Text);
        }

        // "(of the letter dated Monday 9 January 2023)", "(published 22 September 2022)": the anchor is stated in the rule.
        var anchor = mentions.FirstOrDefault(m => m.Type == "date" && m.Date is not null && m.Timex is { Length: 10 } t && t[0] != 'X')?.Date ?? documentDate;
        var due = FirstDue(rule, lower, mentions, anchor);
        return due is null && recurrence is null ? Deadline.None : new Deadline(due?.Date, recurrence?.Timex, due?.Text ?? recurrence?.Text);
    }

    private static (DateOnly Date, string Text)? FirstDue(string rule, string lower, IReadOnlyList<DateMention> mentions, DateOnly anchor)
    {
        if (lower.Contains("end of the quarter in which", StringComparison.Ordinal))
        {
            var q = new DateOnly(anchor.Year, (anchor.Month - 1) / 3 * 3 + 1, 1).AddMonths(3).AddDays(-1);
            return (q, "the end of the quarter in which");
        }

        if (lower.Contains("end of the first month after", StringComparison.Ordinal) || lower.Contains("end of the following month", StringComparison.Ordinal))
        {
            return (new DateOnly(anchor.Year, anchor.Month, 1).AddMonths(2).AddDays(-1), "the end of the first month after");
        }

        foreach (var m in mentions)
        {
            if (m.Type == "daterange" && m.Text.StartsWith("within", StringComparison.OrdinalIgnoreCase) && m.Timex is { } span)
            {
                var dur = span.TrimEnd(')');
                dur = dur[(dur.LastIndexOf(',') + 1)..];
                return AddPeriod(anchor, dur) is { } w ? (w, m.Text) : null;
            }

            if (m.Type == "duration" && m.Timex is { } t && Following(rule, m.End) is "of" or "from" or "after" && AddPeriod(anchor, t) is { } after)
            {
                return (after, m.Text);
            }
        }

        foreach (var m in mentions)
        {
            if (m.Type == "date" && m.Date is { } d && Preceding(rule, m.Start) is "ending" or "ended")
            {
                return (d, m.Text);
            }

            if (m.Type == "daterange" && m.Mod is "before" or "until" or "before-end" && m.RangeEndExclusive is { } end)
            {
                return (m.EndIsDeadline ? end : end.AddDays(-1), m.Text);
            }
        }

        var fy = mentions.FirstOrDefault(m => m.Type == "daterange" && m.RangeStart is { Month: 4 } && m.Timex is { } x && x.EndsWith("P1Y)", StringComparison.Ordinal));
        var pick = fy ?? mentions.FirstOrDefault(m => m.Type is "date" or "daterange" && m.Mod is null && m.ToRange(anchor) is not null);
        return pick?.Type switch
        {
            "date" when pick.Date is { } pd => (pd, pick.Text),
            "daterange" when pick.RangeEndExclusive is { } pe => (pick.EndIsDeadline ? pe : pe.AddDays(-1), pick.Text),
            _ => null,
        };
    }

    private static string Following(string text, int at)
    {
        var rest = text.AsSpan(Math.Min(at, text.Length)).TrimStart();
        var sp = rest.IndexOf(' ');
        return (sp < 0 ? rest : rest[..sp]).ToString().ToLowerInvariant();
    }

    private static string Preceding(string text, int at)
    {
        var head = text.AsSpan(0, Math.Min(at, text.Length)).TrimEnd();
        var sp = head.LastIndexOf(' ');
        return (sp < 0 ? head : head[(sp + 1)..]).ToString().ToLowerInvariant();
    }

    /// <summary>Adds an ISO 8601 period (P4W, P56D, P2M, P1Y, P20BD = working days) to a date; null if not a whole-day period.</summary>
    public static DateOnly? AddPeriod(DateOnly from, string period)
    {
        if (period.Length < 3 || period[0] != 'P' || period[1] == 'T')
        {
            return null;
        }

        var working = period.EndsWith("BD", StringComparison.Ordinal);
        var unit = period[^1];
        var digits = period[1..^(working ? 2 : 1)];
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 100_000)
        {
            return null;
        }

        return working ? WorkingDays.EnglandAndWales.AddWorkingDays(from, n) : unit switch
        {
            'D' => from.AddDays(n),
            'W' => from.AddDays(7 * n),
            'M' => from.AddMonths(n),
            'Y' => from.AddYears(n),
            _ => null,
        };
    }
}
