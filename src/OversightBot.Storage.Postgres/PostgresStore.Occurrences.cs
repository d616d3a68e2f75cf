using Npgsql;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Storage.Postgres;

/// <summary>
/// Occurrences of recurring obligations, one row each (key "s-3@2023-04-01"), with the same derived columns as items
/// so the date and owner queries read both tables by index. A series is planned when written and further when a
/// question reaches past its <c>planned_through</c>; the series' advisory lock makes one instance plan it at a time.
/// </summary>
public sealed partial class PostgresStore
{
    private const int PlanAheadDays = 100;
    private static readonly DateOnly SeriesPlanStarted = new(1, 1, 2);
    private static readonly DateOnly PlanningLimit = new(2199, 12, 31);

    private const string OccurrenceColumns = "key, series_key, doc, open_due, all_due, await_due, owner_key, owner_due, idx";

    private static readonly string UpsertOccurrenceSql =
        $"INSERT INTO occurrences ({OccurrenceColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (key) DO UPDATE SET " +
        string.Join(", ", OccurrenceColumns.Split(", ").Skip(1).Select(c => $"{c} = excluded.{c}"));

    private sealed record StoredOccurrence(Occurrence Occurrence, Derived Derived);

    public async Task<IReadOnlyList<Occurrence>> OccurrencesAsync(string seriesId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await EnsurePlannedThroughAsync(to, ct);
        return await Pg.ListAsync(
            Pg.Command(_data, "SELECT doc::text FROM occurrences WHERE series_key = $1 AND all_due BETWEEN $2 AND $3 ORDER BY all_due", KeyOf(seriesId), from, to),
            r => PgJson.Read<Occurrence>(r.GetString(0)), ct);
    }

    public async Task<Occurrence?> GetOccurrenceAsync(string key, CancellationToken ct) =>
        await Pg.ScalarAsync(_data, "SELECT doc::text FROM occurrences WHERE key = $1", ct, KeyOf(key)) is string doc ? PgJson.Read<Occurrence>(doc) : null;

    public async Task<Occurrence?> CurrentOccurrenceAsync(string seriesId, CancellationToken ct)
    {
        await EnsurePlannedThroughAsync(SeriesPlanStarted, ct);
        return await CurrentAsync(seriesId, ct);
    }

    private async Task<Occurrence?> CurrentAsync(string seriesId, CancellationToken ct) =>
        (await Pg.ListAsync(
            Pg.Command(_data, "SELECT doc::text FROM occurrences WHERE series_key = $1 ORDER BY all_due", KeyOf(seriesId)),
            r => PgJson.Read<Occurrence>(r.GetString(0)), ct)).Where(o => o.IsOpen).MinBy(o => o.Due);

    public async Task<Occurrence?> SaveOccurrenceAsync(Occurrence occurrence, CancellationToken ct)
    {
        await InTransactionAsync(async conn =>
        {
            var seriesKey = KeyOf(occurrence.SeriesId);
            var stored = await LockItemsAsync(conn, [seriesKey], ct);
            var seriesRow = stored.GetValueOrDefault(seriesKey) ?? throw new ArgumentException($"There is no series {occurrence.SeriesId}.", nameof(occurrence));
            var series = await ReadItemAsync(conn, seriesKey, ct) ?? throw new ArgumentException($"There is no series {occurrence.SeriesId}.", nameof(occurrence));
            var existing = await OccurrenceRowsAsync(conn, seriesKey, ct);
            var kept = existing.GetValueOrDefault(KeyOf(occurrence.Key)) ?? throw new ArgumentException($"There is no occurrence {occurrence.Key}.", nameof(occurrence));
            occurrence.Index = kept.Occurrence.Index;
            occurrence.PeriodEnd = kept.Occurrence.PeriodEnd;
            occurrence.Due = kept.Occurrence.Due;
            occurrence.Closed = occurrence.IsOpen ? null : occurrence.Closed;
            var deltas = new Deltas();
            var batch = new NpgsqlBatch(conn);
            await using (batch)
            {
                deltas.Count(kept.Derived, -1);
                var derived = Derived.ForOccurrence(series, occurrence);
                deltas.Count(derived, +1);
                batch.BatchCommands.Add(OccurrenceUpsert(occurrence, derived));
                await batch.ExecuteNonQueryAsync(ct);
                batch.BatchCommands.Clear();
                await ReplanAsync(conn, batch, series, seriesRow, seriesRow.PlannedThrough ?? DateOnly.MinValue, deltas, ct);
            }

            await deltas.ApplyAsync(conn, ct);
            return true;
        }, ct);
        await ChangedAsync(ct);
        return await CurrentAsync(occurrence.SeriesId, ct);
    }

    /// <summary>Plans <paramref name="series"/> through <paramref name="through"/> and writes its row (current due date, planned through).</summary>
    private static async Task ReplanAsync(NpgsqlConnection conn, NpgsqlBatch batch, TrackedItem series, StoredItem row, DateOnly through, Deltas deltas, CancellationToken ct)
    {
        var planned = await SyncSeriesAsync(conn, batch, series, through, deltas, ct);
        deltas.Count(row.Derived, -1);
        var derived = Derived.ForItem(series);
        deltas.Count(derived, +1);
        batch.BatchCommands.Add(ItemUpsert(series, row.HistoryCount, derived, planned));
        await batch.ExecuteNonQueryAsync(ct);
    }

    private static async Task<TrackedItem?> ReadItemAsync(NpgsqlConnection conn, string key, CancellationToken ct) =>
        (await Pg.ListAsync(Pg.Command(conn, "SELECT doc::text, history_count FROM items WHERE key = $1", key), r => ToItem(r.GetString(0), r.GetInt32(1)), ct)).FirstOrDefault();

    private static async Task<Dictionary<string, StoredOccurrence>> OccurrenceRowsAsync(NpgsqlConnection conn, string seriesKey, CancellationToken ct) =>
        (await Pg.ListAsync(
            Pg.Command(conn, $"SELECT key, doc::text, {Derived.Columns} FROM occurrences WHERE series_key = $1", seriesKey),
            r => (Key: r.GetString(0), Row: new StoredOccurrence(PgJson.Read<Occurrence>(r.GetString(1)), Derived.Read(r, 2))), ct))
        .ToDictionary(x => x.Key, x => x.Row, StringComparer.Ordinal);

    /// <summary>Adds the series' occurrence changes to <paramref name="batch"/>; sets the series' current due date; returns how far it is planned.</summary>
    private static async Task<DateOnly> SyncSeriesAsync(NpgsqlConnection conn, NpgsqlBatch batch, TrackedItem series, DateOnly through, Deltas deltas, CancellationToken ct)
    {
        var rows = await OccurrenceRowsAsync(conn, KeyOf(series.Id), ct);
        var existing = rows.Values.Select(r => r.Occurrence).ToList();
        var changes = SeriesPlan.Sync(series, existing, through);
        foreach (var key in changes.Deletes)
        {
            deltas.Count(rows[KeyOf(key)].Derived, -1);
            batch.BatchCommands.Add(Pg.BatchCommand("DELETE FROM occurrences WHERE key = $1", KeyOf(key)));
        }

        var changed = changes.Upserts.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var deleted = changes.Deletes.ToHashSet(StringComparer.Ordinal);
        foreach (var occurrence in existing.Where(o => !changed.Contains(o.Key) && !deleted.Contains(o.Key)).Concat(changes.Upserts))
        {
            var derived = Derived.ForOccurrence(series, occurrence);
            if (rows.TryGetValue(KeyOf(occurrence.Key), out var old))
            {
                if (!changed.Contains(occurrence.Key) && old.Derived == derived)
                {
                    continue;
                }

                deltas.Count(old.Derived, -1);
            }

            deltas.Count(derived, +1);
            batch.BatchCommands.Add(OccurrenceUpsert(occurrence, derived));
        }

        series.Due = changes.CurrentDue;
        return changes.PlannedThrough;
    }

    private static NpgsqlBatchCommand OccurrenceUpsert(Occurrence o, Derived d) => Pg.BatchCommand(
        UpsertOccurrenceSql, KeyOf(o.Key), KeyOf(o.SeriesId), new Pg.Json(PgJson.Write(o)), d.OpenDue, o.Due, d.AwaitDue, d.OwnerKey, d.OwnerDue, o.Index);

    /// <summary>Plans every series not yet planned through <paramref name="day"/> (normally none: one index probe).</summary>
    private async Task EnsurePlannedThroughAsync(DateOnly day, CancellationToken ct)
    {
        var behind = await Pg.ListAsync(Pg.Command(_data, "SELECT key FROM items WHERE planned_through < $1", day), r => r.GetString(0), ct);
        if (behind.Count == 0)
        {
            return;
        }

        await InTransactionAsync(async conn =>
        {
            var stored = await LockItemsAsync(conn, behind, ct);
            var deltas = new Deltas();
            var batch = new NpgsqlBatch(conn);
            await using (batch)
            {
                foreach (var (key, row) in stored.Where(s => s.Value.PlannedThrough < day))
                {
                    var series = (await ReadItemAsync(conn, key, ct))!;
                    var target = day <= SeriesPlanStarted ? DateOnly.MinValue : (day < PlanningLimit ? day : PlanningLimit).AddDays(PlanAheadDays);
                    await ReplanAsync(conn, batch, series, row, target, deltas, ct);
                    batch.BatchCommands.Clear();
                }
            }

            await deltas.ApplyAsync(conn, ct);
            return true;
        }, ct);
    }
}
