namespace OversightBot.Core.Domain;

/// <summary>What a store must write for a series: occurrences to add or change, keys to remove, how far it is planned.</summary>
public sealed record SeriesChanges(IReadOnlyList<Occurrence> Upserts, IReadOnlyList<string> Deletes, DateOnly PlannedThrough, DateOnly? CurrentDue);

/// <summary>
/// Pure planning of a series' stored occurrences: every tracked occurrence due up to a day, and always at least one open
/// occurrence (marking one done reveals the next). Occurrences someone recorded anything on are never removed or moved.
/// </summary>
public static class SeriesPlan
{
    /// <summary>Planned "through" of a series whose rule has no more occurrences.</summary>
    public static readonly DateOnly Ended = new(9999, 12, 31);

    public static SeriesChanges Sync(TrackedItem series, IReadOnlyCollection<Occurrence> existing, DateOnly through)
    {
        var rule = series.Series ?? throw new ArgumentException($"{series.Id} is not a series.", nameof(series));
        var byKey = existing.ToDictionary(o => o.Key, StringComparer.Ordinal);
        var upserts = new List<Occurrence>();
        var deletes = new List<string>();
        foreach (var old in existing.Where(o => !o.Touched))
        {
            if (Valid(rule, old) is not { } p)
            {
                deletes.Add(old.Key);
                byKey.Remove(old.Key);
            }
            else if (p.Due != old.Due || p.PeriodEnd != old.PeriodEnd)
            {
                old.Due = p.Due;
                old.PeriodEnd = p.PeriodEnd;
                upserts.Add(old);
            }
        }

        var last = -1;
        foreach (var p in RecurrenceCalculator.Between(rule, DateOnly.MinValue, through))
        {
            last = p.Index;
            Add(series.Id, p, byKey, upserts);
        }

        while (series.IsOpen && !byKey.Values.Any(o => o.IsOpen) && RecurrenceCalculator.After(rule, last) is { } next)
        {
            last = next.Index;
            Add(series.Id, next, byKey, upserts);
        }

        var planned = byKey.Count == 0 ? through : byKey.Values.Max(o => o.Due);
        var ended = RecurrenceCalculator.After(rule, byKey.Count == 0 ? last : byKey.Values.Max(o => o.Index)) is null;
        var current = byKey.Values.Where(o => o.IsOpen).Select(o => (DateOnly?)o.Due).Min();
        return new SeriesChanges(upserts, deletes, ended ? Ended : (planned > through ? planned : through), current);
    }

    private static void Add(string seriesId, PlannedOccurrence p, Dictionary<string, Occurrence> byKey, List<Occurrence> upserts)
    {
        var key = Occurrence.KeyOf(seriesId, p.PeriodStart);
        if (!byKey.ContainsKey(key))
        {
            var occurrence = Occurrence.Planned(seriesId, p);
            byKey[key] = occurrence;
            upserts.Add(occurrence);
        }
    }

    /// <summary>The planned occurrence an untouched stored one still stands for, or null when the rule no longer has it.</summary>
    private static PlannedOccurrence? Valid(RecurrenceRule rule, Occurrence o) =>
        RecurrenceCalculator.At(rule, o.Index) is { } p && p.PeriodStart == o.PeriodStart && (rule.TrackFrom is not { } t || p.Due >= t) ? p : null;

    /// <summary>An occurrence shown as an item: the series' fields with the occurrence's due date, status and period.</summary>
    public static TrackedItem View(TrackedItem series, Occurrence o) => new()
    {
        Id = series.Id,
        Kind = series.Kind,
        SubKind = series.SubKind,
        Reference = series.Reference,
        Title = $"{series.Title} ({o.Label})",
        Text = series.Text,
        Source = series.Source,
        Owner = series.Owner,
        Due = o.Due,
        DueRule = series.DueRule,
        Status = series.IsOpen || !o.IsOpen ? o.Status : series.Status,
        Restricted = series.Restricted,
        Opened = series.Opened,
        Closed = o.Closed,
        SnoozedUntil = series.SnoozedUntil,
        Board = series.Board,
        Accountable = series.Accountable,
        OwnerExternal = series.OwnerExternal,
        InternalContact = series.InternalContact,
        OwnerUnknown = series.OwnerUnknown,
        Themes = series.Themes,
        ParentId = series.ParentId,
        Occurrence = new OccurrenceRef(o.Key, o.Index, o.PeriodStart, o.PeriodEnd, o.Label),
        History = o.History,
        EvidenceEntries = o.Evidence,
    };
}
