namespace OversightBot.Core.Domain;

/// <summary>
/// A measure quoted by a source ("38% of 659 Mayor's Questions answered on time"): its period as written, a numerator
/// and denominator or a percentage (whatever the source gives, nothing derived is stored as if quoted), the source and
/// the quote.
/// </summary>
public sealed record Statistic
{
    /// <summary>Stable id, e.g. "mq-on-time-2023".</summary>
    public required string Id { get; init; }
    /// <summary>What is measured: "Mayor's Questions answered on time".</summary>
    public required string Measure { get; init; }
    /// <summary>The period as written ("2022/23", "since May 2021"); null when the source gives none.</summary>
    public string? Period { get; init; }
    public int? Numerator { get; init; }
    public int? Denominator { get; init; }
    public decimal? Percent { get; init; }
    /// <summary>A count or volume that is not a rate ("4,825 pieces of correspondence").</summary>
    public int? Count { get; init; }
    public required SourceRef Source { get; init; }
    public required string Quote { get; init; }

    /// <summary>The rate, from the percentage quoted or computed from the counts.</summary>
    public decimal? Rate => Percent ?? (Numerator is { } n && Denominator is > 0 and var d ? Math.Round(100m * n / d, 1) : null);
}

/// <summary>Rates computed live from tracked items.</summary>
public static class LiveRates
{
    /// <summary>
    /// Of the items of <paramref name="kind"/> (and sub-kind, e.g. "MQ") with a due date on or before
    /// <paramref name="today"/>, how many were closed on or before their due date.
    /// </summary>
    public static (int OnTime, int Of) OnTime(IEnumerable<TrackedItem> items, ItemKind kind, string? subKind, DateOnly today)
    {
        var due = items.Where(i => i.Kind == kind && (subKind is null || string.Equals(i.SubKind, subKind, StringComparison.OrdinalIgnoreCase))
            && i.Due is { } d && d <= today && i.Status is not (ItemStatus.Unknown or ItemStatus.Withdrawn)).ToList();
        return (due.Count(i => i.Status == ItemStatus.Done && i.Closed is { } c && c <= i.Due), due.Count);
    }
}
