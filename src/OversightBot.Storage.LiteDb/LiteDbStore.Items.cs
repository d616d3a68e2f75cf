using System.Globalization;
using System.Runtime.CompilerServices;
using LiteDB;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Storage.LiteDb;

public sealed partial class LiteDbStore : IItemStore
{
    internal const string ItemsName = "items";
    private const string NoDate = "0001-01-01";
    private const string NoDueKey = "9999-12-31";
    private const int SearchCap = 200;
    private const string OwnerSeparator = "\u0001";
    private readonly Lock _ownersLock = new();
    private HashSet<string>? _owners;

    private ILiteCollection<BsonDocument> Items => _db.GetCollection(ItemsName);

    public Task<TrackedItem?> GetAsync(string id, CancellationToken ct)
    {
        var doc = Items.FindById(id);
        if (doc is null)
        {
            return Task.FromResult<TrackedItem?>(null);
        }

        var item = ToItem(doc);
        item.History = HistoryOf(item.Id);
        item.HistoryOffset = 0;
        return Task.FromResult<TrackedItem?>(item);
    }

    public Task<TrackedItem?> GetForUpdateAsync(string id, CancellationToken ct)
    {
        var doc = Items.FindById(id);
        return Task.FromResult(doc is null ? null : ToItem(doc));
    }

    public Task UpsertAsync(TrackedItem item, CancellationToken ct)
    {
        WriteItems([item]);
        return Task.CompletedTask;
    }

    public Task UpsertManyAsync(IEnumerable<TrackedItem> items, CancellationToken ct)
    {
        WriteItems(items);
        return Task.CompletedTask;
    }

    public Task<Page<TrackedItem>> OverdueAsync(DateOnly today, int skip, int take, CancellationToken ct)
    {
        EnsurePlannedThrough(today);
        var to = StoreMapper.Iso(today.AddDays(-1));
        var total = SumDays(NoDate, to, openOnly: true);
        return Task.FromResult(MergedPage(Query.Between("openDue", NoDate, to), "openDue", total, skip, take));
    }

    public Task<Page<TrackedItem>> DueBetweenAsync(DateOnly from, DateOnly to, bool openOnly, int skip, int take, CancellationToken ct)
    {
        EnsurePlannedThrough(to);
        var (start, end) = (StoreMapper.Iso(from), StoreMapper.Iso(to));
        var total = SumDays(start, end, openOnly);
        var field = openOnly ? "openDue" : "allDue";
        return Task.FromResult(MergedPage(Query.Between(field, start, end), field, total, skip, take));
    }

    public Task<Page<TrackedItem>> ByOwnerAsync(IReadOnlyCollection<string> owners, bool openOnly, int skip, int take, CancellationToken ct)
    {
        var keys = owners.Select(OwnerKey).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return Task.FromResult(new Page<TrackedItem>([], 0));
        }

        if (!openOnly)
        {
            var matched = Items.Find(Query.In("ownerKey", keys.Select(k => new BsonValue(k)).ToArray()))
                .Select(ToItem)
                .OrderBy(i => i.Due ?? DateOnly.MaxValue).ThenBy(i => i.Id, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(new Page<TrackedItem>(matched.Skip(skip).Take(take).ToList(), matched.Count));
        }

        // Open items and occurrences: each owner's slice of the ownerOpen index is already in due-date order; merge the slices.
        EnsurePlannedThrough(SeriesPlanStarted);
        var total = keys.Sum(OpenCountOf);
        var views = new Dictionary<string, TrackedItem>(StringComparer.Ordinal);
        var page = keys
            .SelectMany(k => Items.Find(Query.Between("ownerOpen", k + OwnerSeparator, k + OwnerSeparator + "\uffff"), 0, skip + take).Select(ToItem)
                .Concat(Occurrences.Find(Query.Between("ownerOpen", k + OwnerSeparator, k + OwnerSeparator + "\uffff"), 0, skip + take).Select(d => ToView(d, views))))
            .OrderBy(i => i.Due ?? DateOnly.MaxValue).ThenBy(i => i.Id, StringComparer.Ordinal).ThenBy(i => i.Occurrence?.Index ?? -1)
            .Skip(skip).Take(take)
            .ToList();
        return Task.FromResult(new Page<TrackedItem>(page, total));
    }

    public Task<Page<TrackedItem>> ByStatusAsync(IReadOnlyCollection<ItemStatus> statuses, int skip, int take, CancellationToken ct)
    {
        var values = statuses.Select(s => new BsonValue(s.ToString())).ToArray();
        var query = Query.In("Status", values);
        var total = Items.Count(query);
        var page = Items.Find(query, skip, take).Select(ToItem).ToList();
        return Task.FromResult(new Page<TrackedItem>(page, total));
    }

    /// <summary>
    /// Counted from the "closed" index alone (selecting only the indexed field, LiteDB reads no document: 3 to 5 times
    /// cheaper than <c>Count</c>); the items themselves are read only as far as the caller enumerates (the weekly
    /// digest shows five of the thousands a large store closes in a week).
    /// </summary>
    public Task<IReadOnlyList<TrackedItem>> ClosedBetweenAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var range = Query.Between("Closed", StoreMapper.Iso(from), StoreMapper.Iso(to));
        var count = Items.Query().Where(range).Select("$.Closed").ToEnumerable().Count();
        IReadOnlyList<TrackedItem> list = new ReadOnDemand(this, range, count);
        return Task.FromResult(list);
    }

    /// <summary>The items of an index range, in index order, read in growing pages as they are asked for.</summary>
    private sealed class ReadOnDemand(LiteDbStore store, BsonExpression range, int count) : IReadOnlyList<TrackedItem>
    {
        private readonly List<TrackedItem> _read = [];
        private readonly Lock _lock = new();

        public int Count => count;

        public TrackedItem this[int index] =>
            index >= 0 && index < count && ReadThrough(index + 1) > index ? _read[index] : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<TrackedItem> GetEnumerator()
        {
            // Stops early if items were reopened since the count.
            for (var i = 0; i < count && ReadThrough(i + 1) > i; i++)
            {
                yield return _read[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>Reads until <paramref name="wanted"/> items are in hand (or the range ends); returns how many are.</summary>
        private int ReadThrough(int wanted)
        {
            lock (_lock)
            {
                if (_read.Count < wanted)
                {
                    var take = Math.Max(wanted - _read.Count, Math.Max(8, _read.Count));
                    _read.AddRange(store.Items.Find(range, _read.Count, take).Select(store.ToItem));
                }

                return _read.Count;
            }
        }
    }

    public async IAsyncEnumerable<TrackedItem> AllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var doc in Items.FindAll())
        {
            ct.ThrowIfCancellationRequested();
            yield return ToItem(doc);
        }

        await Task.CompletedTask;
    }

    public Task<int> CountAsync(CancellationToken ct) => Task.FromResult(Items.Count());

    public Task<string> NextIdAsync(string prefix, CancellationToken ct)
    {
        var max = Items.Find(Query.StartsWith("_id", prefix + "-"))
            .Select(d => int.TryParse(d["_id"].AsString.AsSpan(prefix.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        return Task.FromResult($"{prefix}-{max + 1}");
    }

    public Task<IReadOnlyList<TrackedItem>> SearchAsync(IReadOnlyCollection<string> terms, int take, CancellationToken ct)
    {
        // A term found on more than SearchCap items says little ("generated", "plan"); it counts only when no
        // rarer term matched anything, so one search reads at most SearchCap documents per term.
        var hits = new Dictionary<string, int>(StringComparer.Ordinal);
        var common = new List<string>();
        foreach (var term in terms.Distinct(StringComparer.Ordinal))
        {
            var ids = TermIds(term, SearchCap + 1);
            if (ids.Count > SearchCap)
            {
                common.Add(term);
                continue;
            }

            foreach (var id in ids)
            {
                hits[id] = hits.GetValueOrDefault(id) + 1;
            }
        }

        foreach (var term in common)
        {
            foreach (var id in hits.Count == 0 ? TermIds(term, SearchCap) : TermIds(term, int.MaxValue, hits.Keys))
            {
                hits[id] = hits.GetValueOrDefault(id) + 1;
            }
        }

        IReadOnlyList<TrackedItem> best = hits
            .OrderByDescending(h => h.Value).ThenBy(h => h.Key, StringComparer.Ordinal)
            .Take(take)
            .Select(h => ToItem(Items.FindById(h.Key)))
            .ToList();
        return Task.FromResult(best);
    }

    /// <summary>Ids of items with the term; with <paramref name="among"/>, only those ids are checked (by key).</summary>
    private List<string> TermIds(string term, int limit, IEnumerable<string>? among = null)
    {
        if (among is not null)
        {
            return among.Where(id => Items.FindById(id)?["terms"].AsArray.Contains(term) == true).ToList();
        }

        return Items.Find(BsonExpression.Create("$.terms[*] ANY = @0", new BsonValue(term)), 0, limit)
            .Select(d => d["_id"].AsString).ToList();
    }

    public Task<IReadOnlyList<string>> OwnersAsync(CancellationToken ct)
    {
        lock (_ownersLock)
        {
            _owners ??= Items.Query().Select("$.Owner").ToEnumerable()
                .Select(d => d["Owner"].AsString).ToHashSet(StringComparer.OrdinalIgnoreCase);
            IReadOnlyList<string> list = _owners.Order(StringComparer.OrdinalIgnoreCase).ToList();
            return Task.FromResult(list);
        }
    }

    internal static string OwnerKey(string owner) => owner.Trim().ToLowerInvariant();
}
