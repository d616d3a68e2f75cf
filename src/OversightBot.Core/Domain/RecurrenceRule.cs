using System.Globalization;

namespace OversightBot.Core.Domain;

public enum RecurrenceFrequency
{
    Monthly,
    Quarterly,
    Annually,
    /// <summary>Every <see cref="RecurrenceRule.IntervalMonths"/> months.</summary>
    EveryNMonths,
    /// <summary>UK financial quarters: April–June, July–September, October–December, January–March.</summary>
    FinancialQuarters,
}

public enum DueDayKind
{
    /// <summary>Due on the last day of the period ("by the end of each month").</summary>
    EndOfPeriod,
    /// <summary>Due <see cref="RecurrenceRule.DueDays"/> days after the period ends ("within 28 days of each quarter").</summary>
    DaysAfterPeriodEnd,
}

/// <summary>
/// How a recurring obligation repeats. Periods are counted from <see cref="Anchor"/> (the first day of the first
/// period); period n starts at Anchor + n×months, computed from the anchor each time so that month ends never drift
/// (a monthly obligation anchored on 1 April ends 30 April, 31 May, 30 June…).
/// </summary>
public sealed record RecurrenceRule
{
    public required RecurrenceFrequency Frequency { get; init; }
    /// <summary>Months per period for <see cref="RecurrenceFrequency.EveryNMonths"/>; ignored otherwise.</summary>
    public int IntervalMonths { get; init; } = 1;
    /// <summary>The first day of the first period.</summary>
    public required DateOnly Anchor { get; init; }
    public DueDayKind DueDay { get; init; } = DueDayKind.EndOfPeriod;
    public int DueDays { get; init; }
    /// <summary>No period starts after this day.</summary>
    public DateOnly? Until { get; init; }
    /// <summary>At most this many occurrences.</summary>
    public int? Count { get; init; }
    /// <summary>
    /// Occurrences due before this day are not tracked: the source says nothing about them (their status is unknown,
    /// not overdue). Null tracks every occurrence from the anchor.
    /// </summary>
    public DateOnly? TrackFrom { get; init; }

    public int MonthsPerPeriod => Frequency switch
    {
        RecurrenceFrequency.Monthly => 1,
        RecurrenceFrequency.Quarterly or RecurrenceFrequency.FinancialQuarters => 3,
        RecurrenceFrequency.Annually => 12,
        _ => Math.Max(1, IntervalMonths),
    };

    /// <summary>The rule's problems, or null when it is usable.</summary>
    public string? Problem()
    {
        if (Frequency == RecurrenceFrequency.EveryNMonths && IntervalMonths is < 1 or > 120)
        {
            return "every N months needs N from 1 to 120";
        }

        if (Frequency == RecurrenceFrequency.FinancialQuarters && (Anchor.Day != 1 || Anchor.Month % 3 != 1))
        {
            return "financial quarters start on 1 April, 1 July, 1 October or 1 January";
        }

        if (DueDay == DueDayKind.DaysAfterPeriodEnd && DueDays is < 0 or > 366)
        {
            return "days after the period ends must be from 0 to 366";
        }

        return Count is <= 0 ? "the count of occurrences must be positive" : null;
    }

    /// <summary>In words: "monthly, due at the end of each month", "quarterly, due 28 days after each quarter".</summary>
    public string Text
    {
        get
        {
            var (name, period) = Frequency switch
            {
                RecurrenceFrequency.Monthly => ("monthly", "month"),
                RecurrenceFrequency.Quarterly => ("quarterly", "quarter"),
                RecurrenceFrequency.FinancialQuarters => ("each financial quarter", "quarter"),
                RecurrenceFrequency.Annually => ("annually", "year"),
                _ => ($"every {MonthsPerPeriod.ToString(CultureInfo.InvariantCulture)} months", "period"),
            };
            var due = DueDay == DueDayKind.EndOfPeriod ? $"due at the end of each {period}" : $"due {DueDays.ToString(CultureInfo.InvariantCulture)} days after each {period} ends";
            return $"{name}, {due}";
        }
    }

    /// <summary>
    /// The rule that reproduces a first-model recurring item: its due date is the end of the first period, later ones
    /// follow every period after it (Monthly from 30 April gives 31 May, not 30 May).
    /// </summary>
    public static RecurrenceRule FromLegacy(Recurrence recurrence, DateOnly firstDue, DateOnly? trackFrom = null)
    {
        var frequency = recurrence switch
        {
            Recurrence.Monthly => RecurrenceFrequency.Monthly,
            Recurrence.Quarterly => RecurrenceFrequency.Quarterly,
            _ => RecurrenceFrequency.Annually,
        };
        var months = frequency switch { RecurrenceFrequency.Monthly => 1, RecurrenceFrequency.Quarterly => 3, _ => 12 };
        var endOfMonth = firstDue.Day == DateTime.DaysInMonth(firstDue.Year, firstDue.Month);
        var anchor = endOfMonth
            ? new DateOnly(firstDue.Year, firstDue.Month, 1).AddMonths(1 - months)
            : firstDue.AddMonths(-months).AddDays(1);
        return new RecurrenceRule { Frequency = frequency, Anchor = anchor, TrackFrom = trackFrom };
    }
}

/// <summary>One period of a recurring obligation and the day it falls due.</summary>
public readonly record struct PlannedOccurrence(int Index, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly Due);

/// <summary>Pure occurrence arithmetic for a <see cref="RecurrenceRule"/>.</summary>
public static class RecurrenceCalculator
{
    /// <summary>Period <paramref name="index"/> (0 = the first), or null past the rule's end.</summary>
    public static PlannedOccurrence? At(RecurrenceRule rule, int index)
    {
        if (index < 0 || index >= (rule.Count ?? int.MaxValue) || index > 12_000)
        {
            return null;
        }

        var months = rule.MonthsPerPeriod;
        var start = rule.Anchor.AddMonths(months * index);
        if (rule.Until is { } until && start > until)
        {
            return null;
        }

        var end = rule.Anchor.AddMonths(months * (index + 1)).AddDays(-1);
        var due = rule.DueDay == DueDayKind.EndOfPeriod ? end : end.AddDays(rule.DueDays);
        return new PlannedOccurrence(index, start, end, due);
    }

    /// <summary>The tracked occurrences due from <paramref name="from"/> to <paramref name="to"/> inclusive, in order.</summary>
    public static IEnumerable<PlannedOccurrence> Between(RecurrenceRule rule, DateOnly from, DateOnly to)
    {
        var lower = rule.TrackFrom is { } t && t > from ? t : from;
        var months = rule.MonthsPerPeriod;
        var monthsAway = ((lower.Year - rule.Anchor.Year) * 12) + lower.Month - rule.Anchor.Month;
        var index = Math.Max(0, (monthsAway / months) - 2 - (rule.DueDays / 28 / months));
        for (var o = At(rule, index); o is { } occ && occ.Due <= to; o = At(rule, ++index))
        {
            if (occ.Due >= lower)
            {
                yield return occ;
            }
        }
    }

    /// <summary>The first tracked occurrence due on or after <paramref name="day"/>, or null when the rule has ended.</summary>
    public static PlannedOccurrence? FirstOnOrAfter(RecurrenceRule rule, DateOnly day)
    {
        var from = rule.TrackFrom is { } t && t > day ? t : day;
        var span = (rule.MonthsPerPeriod * 31) + rule.DueDays + 1;
        return Between(rule, from, from.AddDays(span)).Cast<PlannedOccurrence?>().FirstOrDefault();
    }

    /// <summary>The occurrence after <paramref name="index"/> that is tracked, or null when the rule has ended.</summary>
    public static PlannedOccurrence? After(RecurrenceRule rule, int index)
    {
        for (var i = index + 1; At(rule, i) is { } next; i++)
        {
            if (rule.TrackFrom is not { } t || next.Due >= t)
            {
                return next;
            }
        }

        return null;
    }
}
