using System.Runtime.CompilerServices;
using System.Text.Json;
using Npgsql;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Storage.Postgres;

/// <summary>Tables read whole, occurrences written as they are, and the counts rebuilt: for moving a store here.</summary>
public sealed partial class PostgresStore : IStoreContents
{
    public IAsyncEnumerable<Occurrence> AllOccurrencesAsync(CancellationToken ct) =>
        Stream("SELECT doc::text FROM occurrences ORDER BY key", r => PgJson.Read<Occurrence>(r.GetString(0)), ct);

    public IAsyncEnumerable<ConversationReference> AllReferencesAsync(CancellationToken ct) =>
        Stream("SELECT doc::text FROM conversation_refs ORDER BY key", r => PgJson.Read<ConversationReference>(r.GetString(0)), ct);

    public IAsyncEnumerable<Notification> AllNotificationsAsync(CancellationToken ct) =>
        Stream("SELECT key, recipient, at, message::text FROM inbox ORDER BY id",
            r => new Notification(r.GetString(0), r.GetString(1), r.Instant(2), JsonSerializer.Deserialize<Reply>(r.GetString(3), PgJson.Messages)!), ct);

    public IAsyncEnumerable<PageState> AllPageStatesAsync(CancellationToken ct) =>
        Stream("SELECT key, question, today, next, expires_at FROM page_states ORDER BY key",
            r => new PageState(r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetInt32(3), r.Instant(4)), ct);

    public IAsyncEnumerable<WorkItem> AllWorkAsync(CancellationToken ct) =>
        Stream($"SELECT {WorkColumns} FROM work ORDER BY id", ToWorkItem, ct);

    /// <summary>
    /// Writes occurrences exactly as given (status, evidence, history), with the derived columns of their series; used
    /// before the series themselves are written, which then plan around them. Call <see cref="RebuildCountsAsync"/> after.
    /// </summary>
    public async Task ImportOccurrencesAsync(IReadOnlyList<(TrackedItem Series, Occurrence Occurrence)> occurrences, CancellationToken ct)
    {
        if (occurrences.Count == 0)
        {
            return;
        }

        await using var batch = _data.CreateBatch();
        foreach (var (series, o) in occurrences)
        {
            batch.BatchCommands.Add(OccurrenceUpsert(o, Derived.ForOccurrence(series, o)));
        }

        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Recounts the per-day, per-owner and owner tables from the items and occurrences (after an import; a repair).</summary>
    public async Task RebuildCountsAsync(CancellationToken ct) =>
        await InTransactionAsync(async conn =>
        {
            await Pg.ExecAsync(conn, """
                DELETE FROM day_counts;
                INSERT INTO day_counts (day, open, all_items)
                SELECT day, sum(open), sum(all_items) FROM (
                    SELECT open_due AS day, 1 AS open, 0 AS all_items FROM items WHERE open_due IS NOT NULL
                    UNION ALL SELECT all_due, 0, 1 FROM items WHERE all_due IS NOT NULL
                    UNION ALL SELECT open_due, 1, 0 FROM occurrences WHERE open_due IS NOT NULL
                    UNION ALL SELECT all_due, 0, 1 FROM occurrences) d
                GROUP BY day;
                DELETE FROM owner_counts;
                INSERT INTO owner_counts (owner_key, open)
                SELECT owner_key, count(*) FROM (
                    SELECT owner_key FROM items WHERE owner_due IS NOT NULL
                    UNION ALL SELECT owner_key FROM occurrences WHERE owner_due IS NOT NULL) o
                GROUP BY owner_key;
                INSERT INTO owners (owner_key, owner) SELECT DISTINCT ON (owner_key) owner_key, owner FROM items ORDER BY owner_key, id ON CONFLICT DO NOTHING;
                """, ct);
            return true;
        }, ct);

    private async IAsyncEnumerable<T> Stream<T>(string sql, Func<NpgsqlDataReader, T> map, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = _data.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return map(reader);
        }
    }
}
