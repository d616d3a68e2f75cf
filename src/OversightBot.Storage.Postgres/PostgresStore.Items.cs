using System.Globalization;
using System.Runtime.CompilerServices;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Storage.Postgres;

/// <summary>Item questions, each answered from an index; totals from the day and owner counts.</summary>
public sealed partial class PostgresStore
{
    private const int SearchCap = 200;

    public async Task<TrackedItem?> GetAsync(string id, CancellationToken ct)
    {
        var item = await GetForUpdateAsync(id, ct);
        if (item is not null)
        {
            item.History = await HistoryOfAsync(KeyOf(id), ct);
            item.HistoryOffset = 0;
        }

        return item;
    }

    public async Task<TrackedItem?> GetForUpdateAsync(string id, CancellationToken ct) =>
        (await ItemsWhereAsync("key = $1", "", ct, KeyOf(id))).FirstOrDefault();

    public async Task<Page<TrackedItem>> OverdueAsync(DateOnly today, int skip, int take, CancellationToken ct)
    {
        await EnsurePlannedThroughAsync(today, ct);
        var total = await SumDaysAsync("open", "day < $1", ct, today);
        return await MergedPageAsync("open_due", "open_due < $1", total, skip, take, ct, today);
    }

    public async Task<Page<TrackedItem>> DueBetweenAsync(DateOnly from, DateOnly to, bool openOnly, int skip, int take, CancellationToken ct)
    {
        await EnsurePlannedThroughAsync(to, ct);
        var total = await SumDaysAsync(openOnly ? "open" : "all_items", "day BETWEEN $1 AND $2", ct, from, to);
        var field = openOnly ? "open_due" : "all_due";
        return await MergedPageAsync(field, $"{field} BETWEEN $1 AND $2", total, skip, take, ct, from, to);
    }

    public async Task<Page<TrackedItem>> ByOwnerAsync(IReadOnlyCollection<string> owners, bool openOnly, int skip, int take, CancellationToken ct)
    {
        var keys = owners.Select(Derived.KeyOf).Distinct(StringComparer.Ordinal).ToArray();
        if (keys.Length == 0)
        {
            return new Page<TrackedItem>([], 0);
        }

        if (!openOnly)
        {
            var count = await Pg.ScalarAsync(_data, "SELECT count(*) FROM items WHERE owner_key = ANY($1)", ct, keys);
            var page = await ItemsWhereAsync("owner_key = ANY($1)", $"ORDER BY coalesce(doc->>'Due', '9999-12-31'), id OFFSET {skip} LIMIT {take}", ct, keys);
            return new Page<TrackedItem>(page, Convert.ToInt32(count, CultureInfo.InvariantCulture));
        }

        await EnsurePlannedThroughAsync(SeriesPlanStarted, ct);
        var total = Convert.ToInt32(await Pg.ScalarAsync(_data, "SELECT coalesce(sum(open), 0) FROM owner_counts WHERE owner_key = ANY($1)", ct, keys), CultureInfo.InvariantCulture);
        return await MergedPageAsync("owner_due", "owner_key = ANY($1) AND owner_due IS NOT NULL", total, skip, take, ct, keys, byId: true);
    }

    public async Task<Page<TrackedItem>> ByStatusAsync(IReadOnlyCollection<ItemStatus> statuses, int skip, int take, CancellationToken ct)
    {
        var values = statuses.Select(s => s.ToString()).ToArray();
        var total = await Pg.ScalarAsync(_data, "SELECT count(*) FROM items WHERE status = ANY($1)", ct, values);
        var page = await ItemsWhereAsync("status = ANY($1)", $"ORDER BY id OFFSET {skip} LIMIT {take}", ct, values);
        return new Page<TrackedItem>(page, Convert.ToInt32(total, CultureInfo.InvariantCulture));
    }

    public async Task<IReadOnlyList<TrackedItem>> ClosedBetweenAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        await ItemsWhereAsync("closed BETWEEN $1 AND $2", "ORDER BY closed, id", ct, from, to);

    public async IAsyncEnumerable<TrackedItem> AllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = Pg.Command(_data, "SELECT doc::text, history_count FROM items ORDER BY id");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return ToItem(reader.GetString(0), reader.GetInt32(1));
        }
    }

    public async Task<int> CountAsync(CancellationToken ct) =>
        Convert.ToInt32(await Pg.ScalarAsync(_data, "SELECT count(*) FROM items", ct), CultureInfo.InvariantCulture);

    public async Task<string> NextIdAsync(string prefix, CancellationToken ct)
    {
        var low = KeyOf(prefix) + "-";
        var max = await Pg.ScalarAsync(_data, """
            SELECT coalesce(max(substr(key, length($1) + 1)::bigint), 0) FROM items
            WHERE key COLLATE "C" >= $1 AND key COLLATE "C" < $2 AND substr(key, length($1) + 1) ~ '^[0-9]{1,15}$'
            """, ct, low, KeyOf(prefix) + ".");
        return $"{prefix}-{Convert.ToInt64(max, CultureInfo.InvariantCulture) + 1}";
    }

    public async Task<IReadOnlyList<TrackedItem>> SearchAsync(IReadOnlyCollection<string> terms, int take, CancellationToken ct)
    {
        // As in the embedded store: a term on more than SearchCap items counts only when no rarer term matched.
        var hits = new Dictionary<string, int>(StringComparer.Ordinal);
        var common = new List<string>();
        foreach (var term in terms.Distinct(StringComparer.Ordinal))
        {
            var ids = await TermKeysAsync(term, SearchCap + 1, null, ct);
            if (ids.Count > SearchCap)
            {
                common.Add(term);
                continue;
            }

            ids.ForEach(id => hits[id] = hits.GetValueOrDefault(id) + 1);
        }

        foreach (var term in common)
        {
            var ids = hits.Count == 0 ? await TermKeysAsync(term, SearchCap, null, ct) : await TermKeysAsync(term, int.MaxValue, hits.Keys.ToArray(), ct);
            ids.ForEach(id => hits[id] = hits.GetValueOrDefault(id) + 1);
        }

        var best = hits.OrderByDescending(h => h.Value).ThenBy(h => h.Key, StringComparer.Ordinal).Take(take).Select(h => h.Key).ToArray();
        var found = (await ItemsWhereAsync("key = ANY($1)", "", ct, best)).ToDictionary(i => KeyOf(i.Id), StringComparer.Ordinal);
        return best.Where(found.ContainsKey).Select(k => found[k]).ToList();
    }

    private async Task<List<string>> TermKeysAsync(string term, int limit, string[]? among, CancellationToken ct) =>
        among is null
            ? await Pg.ListAsync(Pg.Command(_data, "SELECT key FROM items WHERE terms @> ARRAY[$1] ORDER BY key LIMIT $2", term, (long)limit), r => r.GetString(0), ct)
            : await Pg.ListAsync(Pg.Command(_data, "SELECT key FROM items WHERE key = ANY($2) AND terms @> ARRAY[$1]", term, among), r => r.GetString(0), ct);

    public async Task<IReadOnlyList<string>> OwnersAsync(CancellationToken ct)
    {
        var owners = await Pg.ListAsync(Pg.Command(_data, "SELECT owner FROM owners"), r => r.GetString(0), ct);
        return owners.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private async Task<int> SumDaysAsync(string column, string where, CancellationToken ct, params object?[] args) =>
        Convert.ToInt32(await Pg.ScalarAsync(_data, $"SELECT coalesce(sum({column}), 0) FROM day_counts WHERE {where}", ct, args), CultureInfo.InvariantCulture);

    private async Task<List<TrackedItem>> ItemsWhereAsync(string where, string tail, CancellationToken ct, params object?[] args) =>
        await Pg.ListAsync(Pg.Command(_data, $"SELECT doc::text, history_count FROM items WHERE {where} {tail}", args), r => ToItem(r.GetString(0), r.GetInt32(1)), ct);

    /// <summary>
    /// A page over items and occurrences matching <paramref name="where"/>, both in <paramref name="field"/> order and
    /// merged; on equal dates items come first (or, <paramref name="byId"/>, by id then occurrence). Each side reads at most skip + take rows from its index.
    /// </summary>
    private async Task<Page<TrackedItem>> MergedPageAsync(string field, string where, int total, int skip, int take, CancellationToken ct, object? arg1 = null, object? arg2 = null, bool byId = false)
    {
        if (take <= 0 || skip >= total)
        {
            return new Page<TrackedItem>([], total);
        }

        object?[] args = arg2 is null ? (arg1 is null ? [] : [arg1]) : [arg1, arg2];
        var n = args.Length;
        var order = byId ? "d, k1, k2" : "d, src, k1, k2";
        var sql = $"""
            SELECT src, doc, hc FROM (
              (SELECT 0 AS src, doc::text AS doc, history_count AS hc, {field} AS d, id AS k1, -1 AS k2 FROM items WHERE {where} ORDER BY {field}, id LIMIT ${n + 1})
              UNION ALL
              (SELECT 1, doc::text, 0, {field}, doc->>'SeriesId', idx FROM occurrences WHERE {where} ORDER BY {field}, series_key, idx LIMIT ${n + 1})
            ) u ORDER BY {order} OFFSET ${n + 2} LIMIT ${n + 3}
            """;
        var rows = await Pg.ListAsync(Pg.Command(_data, sql, [.. args, (long)(skip + take), (long)skip, (long)take]), r => (r.GetInt32(0), r.GetString(1), r.GetInt32(2)), ct);
        var views = new Dictionary<string, TrackedItem>(StringComparer.Ordinal);
        var page = new List<TrackedItem>(rows.Count);
        foreach (var (src, doc, hc) in rows)
        {
            page.Add(src == 0 ? ToItem(doc, hc) : await ToViewAsync(PgJson.Read<Occurrence>(doc), views, ct));
        }

        return new Page<TrackedItem>(page, total);
    }

    /// <summary>An occurrence shown as an item of its series (each series read once per call).</summary>
    private async Task<TrackedItem> ToViewAsync(Occurrence occurrence, Dictionary<string, TrackedItem> series, CancellationToken ct)
    {
        if (!series.TryGetValue(occurrence.SeriesId, out var s))
        {
            s = (await GetForUpdateAsync(occurrence.SeriesId, ct))!;
            series[occurrence.SeriesId] = s;
        }

        return SeriesPlan.View(s, occurrence);
    }
}
