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
    private readonly Lock _ownersLock = new();
    private HashSet<string>? _owners;

    private ILiteCollection<BsonDocument> Items => _db.GetCollection(ItemsName);

    public Task<TrackedItem?> GetAsync(string id, CancellationToken ct)
    {
        var doc = Items.FindById(id);
        return Task.FromResult(doc is null ? null : ToItem(doc));
    }

    public Task UpsertAsync(TrackedItem item, CancellationToken ct)
    {
        Items.Upsert(ToDocument(item));
        return Task.CompletedTask;
    }

    public Task UpsertManyAsync(IEnumerable<TrackedItem> items, CancellationToken ct)
    {
        _db.BeginTrans();
        try
        {
            Items.Upsert(items.Select(ToDocument));
            _db.Commit();
        }
        catch
        {
            _db.Rollback();
            throw;
        }

        return Task.CompletedTask;
    }

    public Task<Page<TrackedItem>> OverdueAsync(DateOnly today, int skip, int take, CancellationToken ct)
    {
        var query = Query.Between("openDue", NoDate, StoreMapper.Iso(today.AddDays(-1)));
        return Task.FromResult(PageOf(query, "openDue", skip, take));
    }

    public Task<Page<TrackedItem>> DueBetweenAsync(DateOnly from, DateOnly to, bool openOnly, int skip, int take, CancellationToken ct)
    {
        var query = Query.Between(openOnly ? "openDue" : "Due", StoreMapper.Iso(from), StoreMapper.Iso(to));
        return Task.FromResult(PageOf(query, openOnly ? "openDue" : "Due", skip, take));
    }

    public Task<Page<TrackedItem>> ByOwnerAsync(IReadOnlyCollection<string> owners, bool openOnly, int skip, int take, CancellationToken ct)
    {
        var keys = owners.Select(o => new BsonValue(OwnerKey(o))).ToArray();
        if (keys.Length == 0)
        {
            return Task.FromResult(new Page<TrackedItem>([], 0));
        }

        var matched = Items.Find(Query.In("ownerKey", keys))
            .Select(ToItem)
            .Where(i => !openOnly || i.IsOpen)
            .OrderBy(i => i.Due ?? DateOnly.MaxValue).ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new Page<TrackedItem>(matched.Skip(skip).Take(take).ToList(), matched.Count));
    }

    public Task<Page<TrackedItem>> ByStatusAsync(IReadOnlyCollection<ItemStatus> statuses, int skip, int take, CancellationToken ct)
    {
        var values = statuses.Select(s => new BsonValue(s.ToString())).ToArray();
        var query = Query.In("Status", values);
        var total = Items.Count(query);
        var page = Items.Find(query, skip, take).Select(ToItem).ToList();
        return Task.FromResult(new Page<TrackedItem>(page, total));
    }

    public Task<IReadOnlyList<TrackedItem>> ClosedBetweenAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        IReadOnlyList<TrackedItem> list = Items.Find(Query.Between("Closed", StoreMapper.Iso(from), StoreMapper.Iso(to)))
            .Select(ToItem).ToList();
        return Task.FromResult(list);
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
        var hits = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms.Distinct(StringComparer.Ordinal))
        {
            foreach (var doc in Items.Find(BsonExpression.Create("$.terms[*] ANY = @0", new BsonValue(term))))
            {
                var id = doc["_id"].AsString;
                hits[id] = hits.GetValueOrDefault(id) + 1;
            }
        }

        IReadOnlyList<TrackedItem> best = hits
            .OrderByDescending(h => h.Value).ThenBy(h => h.Key, StringComparer.Ordinal)
            .TakeWhile((h, i) => i < take)
            .Select(h => ToItem(Items.FindById(h.Key)))
            .ToList();
        return Task.FromResult(best);
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

    private Page<TrackedItem> PageOf(BsonExpression query, string orderField, int skip, int take)
    {
        var total = Items.Count(query);
        if (take <= 0)
        {
            return new Page<TrackedItem>([], total);
        }

        var page = Items.Query().Where(query).OrderBy(orderField).Skip(skip).Limit(take).ToEnumerable().Select(ToItem).ToList();
        return new Page<TrackedItem>(page, total);
    }

    private BsonDocument ToDocument(TrackedItem item)
    {
        var doc = _db.Mapper.ToDocument(item);
        doc["openDue"] = item.IsOpen && item.Due is { } due ? StoreMapper.Iso(due) : BsonValue.Null;
        doc["ownerKey"] = OwnerKey(item.Owner);
        doc["terms"] = new BsonArray(SearchTerms.ForItem(item).Select(t => new BsonValue(t)));
        lock (_ownersLock)
        {
            _owners?.Add(item.Owner);
        }

        return doc;
    }

    private TrackedItem ToItem(BsonDocument doc) => _db.Mapper.ToObject<TrackedItem>(doc);

    internal static string OwnerKey(string owner) => owner.Trim().ToLowerInvariant();
}
