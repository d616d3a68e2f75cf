using OversightBot.Core.Domain;

namespace OversightBot.Core.Ports;

/// <summary>
/// The occurrences of recurring obligations. The item queries (<see cref="IItemStore.OverdueAsync"/>,
/// <see cref="IItemStore.DueBetweenAsync"/>, <see cref="IItemStore.ByOwnerAsync"/>) list occurrences too, each as an
/// item with <see cref="TrackedItem.Occurrence"/> set; a store creates occurrences as far ahead as a question reaches.
/// </summary>
public interface IOccurrenceStore
{
    /// <summary>The series' occurrences due from <paramref name="from"/> to <paramref name="to"/>, in order.</summary>
    Task<IReadOnlyList<Occurrence>> OccurrencesAsync(string seriesId, DateOnly from, DateOnly to, CancellationToken ct);

    Task<Occurrence?> GetOccurrenceAsync(string key, CancellationToken ct);

    /// <summary>The series' earliest open occurrence (the one owed now), or null when none is open.</summary>
    Task<Occurrence?> CurrentOccurrenceAsync(string seriesId, CancellationToken ct);

    /// <summary>
    /// Writes an occurrence's status, evidence and history (its period and due date are the series'). Returns the
    /// series' earliest open occurrence afterwards: marking one done reveals the next.
    /// </summary>
    Task<Occurrence?> SaveOccurrenceAsync(Occurrence occurrence, CancellationToken ct);
}

/// <summary>Statistics quoted by the sources (on-time rates, volumes).</summary>
public interface IStatisticStore
{
    Task UpsertStatisticAsync(Statistic statistic, CancellationToken ct);

    /// <summary>Every statistic, by id.</summary>
    Task<IReadOnlyList<Statistic>> StatisticsAsync(CancellationToken ct);
}
