using System.Globalization;
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
    public static Deadline Resolve(string? rule, DateOnly documentDate)
    {
        if (string.IsNullOrWhiteSpace(rule))
        {
            return Deadline.None;
        }

        foreach (var m in DateRecognizer.Recognize(rule, documentDate))
        {
            switch (m.Type)
            {
                case "set":
                    return new Deadline(null, m.Timex, m.Text);
                case "unresolved":
                    return Deadline.None;
                case "date" when m.Date is { } d:
                    return new Deadline(d, null, m.Text);
                case "duration" when m.Timex is { } t && AddPeriod(documentDate, t) is { } after:
                    return new Deadline(after, null, m.Text);
                case "daterange" when m.Text.StartsWith("within", StringComparison.OrdinalIgnoreCase) && m.Timex is { } span:
                    var dur = span.TrimEnd(')');
                    dur = dur[(dur.LastIndexOf(',') + 1)..];
                    return AddPeriod(documentDate, dur) is { } w ? new Deadline(w, null, m.Text) : Deadline.None;
                case "daterange" when m.RangeEndExclusive is { } end:
                    return new Deadline(m.EndIsDeadline ? end : end.AddDays(-1), null, m.Text);
            }
        }

        return Deadline.None;
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
