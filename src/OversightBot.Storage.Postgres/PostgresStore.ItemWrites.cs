using Npgsql;
using OversightBot.Core.Domain;

namespace OversightBot.Storage.Postgres;

/// <summary>
/// Item writes: the row with its derived columns, history appended to its own table, a series' occurrences planned,
/// the day and owner counts adjusted, all in one transaction. Each item written is locked by a transaction-scoped
/// advisory lock on its key (taken in key order), so instances writing the same item at once take turns.
/// </summary>
public sealed partial class PostgresStore
{
    private const string ItemColumns =
        "key, id, doc, history_count, status, owner, owner_key, open_due, all_due, await_due, owner_due, closed, planned_through, parent_key, address_keys, theme_keys, terms, recurrence, is_series";

    private static readonly string UpsertItemSql =
        $"INSERT INTO items ({ItemColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) " +
        "ON CONFLICT (key) DO UPDATE SET " + string.Join(", ", ItemColumns.Split(", ").Skip(1).Select(c => $"{c} = excluded.{c}"));

    private sealed record StoredItem(int HistoryCount, DateOnly? PlannedThrough, Derived Derived);

    internal static string KeyOf(string id) => id.Trim().ToLowerInvariant();

    public Task UpsertAsync(TrackedItem item, CancellationToken ct) => WriteItemsAsync([item], ct);

    public Task UpsertManyAsync(IEnumerable<TrackedItem> items, CancellationToken ct) => WriteItemsAsync(items.ToList(), ct);

    private async Task WriteItemsAsync(IReadOnlyList<TrackedItem> items, CancellationToken ct)
    {
        foreach (var item in items)
        {
            Check(item);
        }

        if (items.Count == 0)
        {
            return;
        }

        // The last write of an id in a batch wins, as when written one after the other.
        var latest = items.Select((item, i) => (item, i)).GroupBy(x => KeyOf(x.item.Id), StringComparer.Ordinal)
            .Select(g => g.Last()).OrderBy(x => x.i).Select(x => x.item).ToList();
        await InTransactionAsync(async conn =>
        {
            var stored = await LockItemsAsync(conn, latest.Select(i => KeyOf(i.Id)), ct);
            var deltas = new Deltas();
            var batch = new NpgsqlBatch(conn);
            await using (batch)
            {
                foreach (var item in latest)
                {
                    await WriteItemAsync(conn, batch, item, stored.GetValueOrDefault(KeyOf(item.Id)), deltas, ct);
                }

                AddOwners(batch, latest);
                await batch.ExecuteNonQueryAsync(ct);
            }

            await deltas.ApplyAsync(conn, ct);
            return true;
        }, ct);
        await ChangedAsync(ct);
    }

    private static void Check(TrackedItem item)
    {
        if (item.Occurrence is not null)
        {
            throw new ArgumentException($"{item.Id} ({item.Occurrence.Label}) is an occurrence as listed; save the occurrence itself.", nameof(item));
        }

        if (item.Series?.Problem() is { } problem)
        {
            throw new ArgumentException($"{item.Id}: {problem}.", nameof(item));
        }
    }

    /// <summary>Takes the items' write locks in key order and reads what is stored of them.</summary>
    private static async Task<Dictionary<string, StoredItem>> LockItemsAsync(NpgsqlConnection conn, IEnumerable<string> keys, CancellationToken ct)
    {
        var sorted = keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        await Pg.ExecAsync(conn, "SELECT count(pg_advisory_xact_lock(hashtextextended(k, 1))) FROM unnest($1::text[]) WITH ORDINALITY AS u(k, n)", ct, sorted);
        var rows = await Pg.ListAsync(
            Pg.Command(conn, $"SELECT key, history_count, planned_through, {Derived.Columns} FROM items WHERE key = ANY($1)", sorted),
            r => (Key: r.GetString(0), Stored: new StoredItem(r.GetInt32(1), r.NullableDate(2), Derived.Read(r, 3))), ct);
        return rows.ToDictionary(r => r.Key, r => r.Stored, StringComparer.Ordinal);
    }

    private static async Task WriteItemAsync(NpgsqlConnection conn, NpgsqlBatch batch, TrackedItem item, StoredItem? old, Deltas deltas, CancellationToken ct)
    {
        var key = KeyOf(item.Id);
        var stored = old?.HistoryCount ?? 0;
        var total = item.HistoryOffset + item.History.Count;
        for (var seq = Math.Max(stored, item.HistoryOffset); seq < total; seq++)
        {
            batch.BatchCommands.Add(Pg.BatchCommand(
                "INSERT INTO history (item_key, seq, entry) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                key, seq, new Pg.Json(PgJson.Write(item.History[seq - item.HistoryOffset]))));
        }

        if (old is not null)
        {
            deltas.Count(old.Derived, -1);
        }

        DateOnly? planned = null;
        if (item.Series is not null)
        {
            planned = await SyncSeriesAsync(conn, batch, item, old?.PlannedThrough ?? DateOnly.MinValue, deltas, ct);
        }

        var derived = Derived.ForItem(item);
        deltas.Count(derived, +1);
        batch.BatchCommands.Add(ItemUpsert(item, Math.Max(stored, total), derived, planned));
    }

    private static NpgsqlBatchCommand ItemUpsert(TrackedItem item, int historyCount, Derived d, DateOnly? plannedThrough) =>
        Pg.BatchCommand(
            UpsertItemSql,
            KeyOf(item.Id), item.Id, new Pg.Json(PgJson.Write(item)), historyCount, item.Status.ToString(), item.Owner, d.OwnerKey,
            d.OpenDue, d.AllDue, d.AwaitDue, d.OwnerDue, item.Closed, plannedThrough,
            item.ParentId is { Length: > 0 } parent ? KeyOf(parent) : null,
            item.Addresses.Select(KeyOf).Distinct().ToArray(),
            item.Themes.Select(KeyOf).Distinct().ToArray(),
            SearchTerms.ForItem(item).Distinct().ToArray(),
            item.Recurrence.ToString(), item.Series is not null);

    private static void AddOwners(NpgsqlBatch batch, IReadOnlyList<TrackedItem> items)
    {
        var owners = items.GroupBy(i => Derived.KeyOf(i.Owner), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        batch.BatchCommands.Add(Pg.BatchCommand(
            "INSERT INTO owners (owner_key, owner) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING",
            owners.Select(g => g.Key).ToArray(), owners.Select(g => g.First().Owner).ToArray()));
    }

    internal static TrackedItem ToItem(string doc, int historyCount)
    {
        var item = PgJson.Read<TrackedItem>(doc);
        item.HistoryOffset = historyCount;
        return item;
    }

    private async Task<List<HistoryEntry>> HistoryOfAsync(string key, CancellationToken ct) =>
        await Pg.ListAsync(Pg.Command(_data, "SELECT entry::text FROM history WHERE item_key = $1 ORDER BY seq", key), r => PgJson.Read<HistoryEntry>(r.GetString(0)), ct);
}
