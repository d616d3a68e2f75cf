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

    /// <summary>
    /// The item without its history, for a change: <see cref="TrackedItem.History"/> is empty and
    /// <see cref="TrackedItem.HistoryOffset"/> says how many entries are stored; entries added to it are appended.
    /// </summary>
    Task<TrackedItem?> GetForUpdateAsync(string id, CancellationToken ct) => GetAsync(id, ct);

    /// <summary>
    /// Inserts or replaces the item. Its history is appended: entries the store holds are never rewritten or lost, only
    /// entries past the stored count are added.
    /// </summary>
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

    /// <summary>Every item, in id order, without its history (read one item for that); for search and small stores.</summary>
    IAsyncEnumerable<TrackedItem> AllAsync(CancellationToken ct);

    Task<int> CountAsync(CancellationToken ct);

    /// <summary>
    /// Items whose words (id, reference, title, owner, board, kind) match the most of <paramref name="terms"/>
    /// (lower-case search terms from <see cref="Domain.SearchTerms"/>), best first; ties by id.
    /// </summary>
    Task<IReadOnlyList<TrackedItem>> SearchAsync(IReadOnlyCollection<string> terms, int take, CancellationToken ct);

    /// <summary>Every distinct owner (person email or team name) that owns at least one item.</summary>
    Task<IReadOnlyList<string>> OwnersAsync(CancellationToken ct);

    /// <summary>
    /// Open first-model recurring items (a recurrence but no <see cref="TrackedItem.Series"/> rule). Series are listed
    /// by occurrence through the date queries instead, so stores holding only series return none.
    /// </summary>
    async Task<IReadOnlyList<TrackedItem>> RecurringOpenAsync(CancellationToken ct)
    {
        var list = new List<TrackedItem>();
        await foreach (var item in AllAsync(ct))
        {
            if (item.IsOpen && item.Recurrence != Recurrence.None && item.Series is null)
            {
                list.Add(item);
            }
        }

        return list;
    }

    /// <summary>The parts of <paramref name="parentId"/> (items whose <see cref="TrackedItem.ParentId"/> is it), by id.</summary>
    async Task<IReadOnlyList<TrackedItem>> PartsAsync(string parentId, CancellationToken ct) =>
        await ScanAsync(i => string.Equals(i.ParentId, parentId, StringComparison.OrdinalIgnoreCase), ct);

    /// <summary>The items (actions) that address <paramref name="itemId"/>, by id.</summary>
    async Task<IReadOnlyList<TrackedItem>> AddressedByAsync(string itemId, CancellationToken ct) =>
        await ScanAsync(i => i.Addresses.Contains(itemId, StringComparer.OrdinalIgnoreCase), ct);

    /// <summary>Items tagged with <paramref name="theme"/> (case-insensitive), by id.</summary>
    async Task<IReadOnlyList<TrackedItem>> ByThemeAsync(string theme, CancellationToken ct) =>
        await ScanAsync(i => i.Themes.Contains(theme.Trim(), StringComparer.OrdinalIgnoreCase), ct);

    /// <summary>Open items owned by outside bodies ("awaiting others"), soonest due first.</summary>
    async Task<Page<TrackedItem>> AwaitingOthersAsync(int skip, int take, CancellationToken ct)
    {
        var all = (await ScanAsync(i => i.IsOpen && i.OwnerExternal, ct)).OrderBy(i => i.Due ?? DateOnly.MaxValue).ToList();
        return new Page<TrackedItem>(all.Skip(skip).Take(take).ToList(), all.Count);
    }

    private async Task<IReadOnlyList<TrackedItem>> ScanAsync(Func<TrackedItem, bool> match, CancellationToken ct)
    {
        var list = new List<TrackedItem>();
        await foreach (var item in AllAsync(ct))
        {
            if (match(item))
            {
                list.Add(item);
            }
        }

        return list;
    }

    /// <summary>The next free id with the given prefix, e.g. "R" → "R-42".</summary>
    Task<string> NextIdAsync(string prefix, CancellationToken ct);
}
