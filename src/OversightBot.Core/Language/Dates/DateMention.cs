namespace OversightBot.Core.Language.Dates;

/// <summary>
/// One date expression found in text, in datetimeV2 terms: <see cref="Type"/> is date, daterange, duration, set
/// or unresolved; range <see cref="End"/> is exclusive; <see cref="Value"/> of a duration is seconds.
/// </summary>
public sealed record DateMention(int Start, int End, string Text, string Type, string? Timex, string? Mod)
{
    public DateOnly? Date { get; init; }
    public DateOnly? RangeStart { get; init; }
    public DateOnly? RangeEndExclusive { get; init; }
    public string? DurationSeconds { get; init; }

    /// <summary>The date the user typed when it does not exist (e.g. "31/02/2023").</summary>
    public string? InvalidText { get; init; }

    /// <summary>True when the end is a deadline day that is itself included ("by Friday", "no later than 30 June").</summary>
    public bool EndIsDeadline { get; init; }

    /// <summary>The inclusive calendar range this mention covers, if any; an open start is <paramref name="today"/>.</summary>
    public DateRange? ToRange(DateOnly today)
    {
        if (Type == "date" && Date is { } d)
        {
            return new DateRange(d, d);
        }

        if (Type != "daterange" || (RangeStart is null && RangeEndExclusive is null))
        {
            return null;
        }

        var end = RangeEndExclusive is { } e ? (EndIsDeadline ? e : e.AddDays(-1)) : DateOnly.MaxValue;
        var start = RangeStart ?? (end >= today ? today : DateOnly.MinValue);
        return end < start ? new DateRange(start, start) : new DateRange(start, end);
    }
}
