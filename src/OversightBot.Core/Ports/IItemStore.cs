using OversightBot.Core.Domain;

namespace OversightBot.Core.Ports;

/// <summary>A page of results with the total that matched, so replies can say "12 overdue; showing 10".</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

/// <summary>Tracked items. Queries that matter on hot paths are answered from indexes.</summary>
public interface IItemStore
{
    /// <summary>
    /// A number that changes whenever an item, board or person is written through this store, so callers can
    /// cache answers until the data changes.
    /// </summary>
    long Revision { get; }

    Task<TrackedItem?> GetAsync(string id, CancellationToken ct);

    /// <summary>Inserts or replaces the whole item (history included).</summary>
    Task UpsertAsync(TrackedItem item, CancellationToken ct);

    Task UpsertManyAsync(IEnumerable<TrackedItem> items, CancellationToken ct);

    /// <summary>Open/in-progress items due before <paramref name="today"/>, most late first.</summary>
    Task<Page<TrackedItem>> OverdueAsync(DateOnly today, int skip, int take, CancellationToken ct);

    /// <summary>Items (any status) due from <paramref name="from"/> to <paramref name="to"/> inclusive, by date.</summary>
    Task<Page<TrackedItem>> DueBetweenAsync(DateOnly from, DateOnly to, bool openOnly, int skip, int take, CancellationToken ct);

    /// <summary>Items owned by any of <paramref name="owners"/> (emails or team names), soonest due first.</summary>
    Task<Page<TrackedItem>> ByOwnerAsync(IReadOnlyCollection<string> owners, bool openOnly, int skip, int take, CancellationToken ct);

    /// <summary>Items whose status is one of <paramref name="statuses"/>.</summary>
    Task<Page<TrackedItem>> ByStatusAsync(IReadOnlyCollection<ItemStatus> statuses, int skip, int take, CancellationToken ct);

    /// <summary>Items closed (done) from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    Task<IReadOnlyList<TrackedItem>> ClosedBetweenAsync(DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>Every item, in id order; for search and small stores.</summary>
    IAsyncEnumerable<TrackedItem> AllAsync(CancellationToken ct);

    Task<int> CountAsync(CancellationToken ct);

    /// <summary>
    /// Items whose words (id, reference, title, owner, board, kind) match the most of <paramref name="terms"/>
    /// (lower-case search terms from <see cref="Domain.SearchTerms"/>), best first; ties by id.
    /// </summary>
    Task<IReadOnlyList<TrackedItem>> SearchAsync(IReadOnlyCollection<string> terms, int take, CancellationToken ct);

    /// <summary>Every distinct owner (person email or team name) that owns at least one item.</summary>
    Task<IReadOnlyList<string>> OwnersAsync(CancellationToken ct);

    /// <summary>Open items with a recurrence (quarterly updates...). Stores should answer from an index.</summary>
    async Task<IReadOnlyList<TrackedItem>> RecurringOpenAsync(CancellationToken ct)
    {
        var list = new List<TrackedItem>();
        await foreach (var item in AllAsync(ct))
        {
            if (item.IsOpen && item.Recurrence != Recurrence.None)
            {
                list.Add(item);
            }
        }

        return list;
    }

    /// <summary>The next free id with the given prefix, e.g. "R" → "R-42".</summary>
    Task<string> NextIdAsync(string prefix, CancellationToken ct);
}
