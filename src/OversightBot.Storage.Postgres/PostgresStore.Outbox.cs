using System.Globalization;
using System.Text.Json;
using Npgsql;
using OversightBot.Core.Ports;
using OversightBot.Core.Proactive;
using OversightBot.Core.Replies;

namespace OversightBot.Storage.Postgres;

/// <summary>
/// The outbox: one row per key (the primary key, so a key is written once, by whichever instance planned it first).
/// <c>queue_at</c> is the time an active row is next claimable (null otherwise). Dispatchers on any number of instances
/// claim with <c>FOR UPDATE SKIP LOCKED</c>: a row another instance is claiming is skipped, never taken twice, and a
/// claim's lease ends at <c>next_at</c>, after which a dead instance's row is claimable again.
/// </summary>
public sealed partial class PostgresStore
{
    private const string OutboxColumns = "key, kind, recipient, due_at, state, next_at, queue_at, attempts, last_error, channel, item_id, item_due, created_at, done_at, message::text";

    public async Task<bool> AddIfAbsentAsync(OutboxRow row, CancellationToken ct) => await AddManyIfAbsentAsync([row], ct) == 1;

    public async Task<int> AddManyIfAbsentAsync(IReadOnlyCollection<OutboxRow> rows, CancellationToken ct)
    {
        var distinct = rows.DistinctBy(r => r.Key, StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return 0;
        }

        await using var batch = _data.CreateBatch();
        foreach (var r in distinct)
        {
            batch.BatchCommands.Add(Pg.BatchCommand(
                "INSERT INTO outbox (key, kind, recipient, due_at, state, next_at, queue_at, attempts, last_error, channel, item_id, item_due, created_at, done_at, message) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (key) DO NOTHING",
                r.Key, r.Kind, r.Recipient, r.DueAt, r.State.ToString(), r.NextAt, r.IsActive ? r.NextAt : null, r.Attempts, r.LastError,
                r.Channel, r.ItemId, r.ItemDue, r.CreatedAt, r.DoneAt, new Pg.Json(JsonSerializer.Serialize(r.Message, PgJson.Messages))));
        }

        return await batch.ExecuteNonQueryAsync(ct);
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken ct) =>
        await Pg.ScalarAsync(_data, "SELECT EXISTS (SELECT 1 FROM outbox WHERE key = $1)", ct, key) is true;

    public async Task<IReadOnlySet<string>> ExistingKeysAsync(IReadOnlyCollection<string> keys, CancellationToken ct) =>
        (await Pg.ListAsync(Pg.Command(_data, "SELECT key FROM outbox WHERE key = ANY($1)", keys.ToArray()), r => r.GetString(0), ct)).ToHashSet(StringComparer.Ordinal);

    public async Task<OutboxRow?> GetOutboxRowAsync(string key, CancellationToken ct) =>
        (await Pg.ListAsync(Pg.Command(_data, $"SELECT {OutboxColumns} FROM outbox WHERE key = $1", key), ToRow, ct)).FirstOrDefault();

    public async Task<IReadOnlyList<OutboxRow>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken ct)
    {
        if (max <= 0)
        {
            return [];
        }

        var until = now + lease;
        var claimed = await Pg.ListAsync(Pg.Command(_data, $"""
            WITH due AS (
                SELECT key, queue_at FROM outbox WHERE queue_at <= $1 ORDER BY queue_at, key LIMIT $2 FOR UPDATE SKIP LOCKED)
            UPDATE outbox o SET state = 'InFlight', next_at = $3, queue_at = $3
            FROM due WHERE o.key = due.key
            RETURNING {string.Join(", ", OutboxColumns.Split(", ").Select(c => "o." + c))}, due.queue_at
            """, now, (long)max, until), r => (Row: ToRow(r), Was: r.Instant(15)), ct);
        return claimed.OrderBy(c => c.Was).ThenBy(c => c.Row.Key, StringComparer.Ordinal).Select(c => c.Row).ToList();
    }

    public Task<bool> RecordAsync(string key, SendOutcome outcome, string? channel, DateTimeOffset now, OutboxRetryPolicy retry, CancellationToken ct) =>
        ChangeAsync(key, r => r.State == OutboxState.InFlight ? OutboxTransitions.After(r, outcome, channel, now, retry) : null, ct);

    public async Task<int> RecordManyAsync(IReadOnlyList<OutboxOutcome> outcomes, DateTimeOffset now, OutboxRetryPolicy retry, CancellationToken ct)
    {
        if (outcomes.Count == 0)
        {
            return 0;
        }

        var byKey = outcomes.GroupBy(o => o.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return await InTransactionAsync(async conn =>
        {
            var rows = await LockRowsAsync(conn, "key = ANY($1) AND state = 'InFlight'", ct, byKey.Keys.Order(StringComparer.Ordinal).ToArray());
            var next = rows.Select(r => OutboxTransitions.After(r, byKey[r.Key].Outcome, byKey[r.Key].Channel, now, retry)).ToList();
            return await UpdateRowsAsync(conn, next, ct);
        }, ct);
    }

    public Task<bool> CancelAsync(string key, string reason, DateTimeOffset now, CancellationToken ct) =>
        ChangeAsync(key, r => r.IsActive ? OutboxTransitions.Cancelled(r, reason, now) : null, ct);

    public async Task<IReadOnlyList<OutboxRow>> ByStateAsync(OutboxState? state, int skip, int take, CancellationToken ct) =>
        await Pg.ListAsync(Pg.Command(_data,
            $"SELECT {OutboxColumns} FROM outbox WHERE $1::text IS NULL OR state = $1 ORDER BY next_at, key OFFSET $2 LIMIT $3",
            state?.ToString(), (long)skip, (long)take), ToRow, ct);

    public async Task<IReadOnlyDictionary<OutboxState, int>> CountByStateAsync(CancellationToken ct) =>
        (await Pg.ListAsync(Pg.Command(_data, "SELECT state, count(*) FROM outbox GROUP BY state"), r => (Enum.Parse<OutboxState>(r.GetString(0)), (int)r.GetInt64(1)), ct))
        .ToDictionary(x => x.Item1, x => x.Item2);

    public Task<bool> RetryAsync(string key, DateTimeOffset now, CancellationToken ct) =>
        ChangeAsync(key, r => r.State is OutboxState.Dead or OutboxState.Failed or OutboxState.Gone or OutboxState.Cancelled ? OutboxTransitions.Retried(r, now) : null, ct);

    public Task<int> RetryDeadAsync(DateTimeOffset now, CancellationToken ct) =>
        ChangeAllAsync("state = 'Dead'", r => OutboxTransitions.Retried(r, now), ct);

    public async Task<int> PruneAsync(DateTimeOffset endedBefore, int max, CancellationToken ct) =>
        max <= 0 ? 0 : await Pg.ExecAsync(_data, """
            DELETE FROM outbox WHERE key IN (
                SELECT key FROM outbox WHERE done_at <= $1 AND state IN ('Delivered', 'Gone', 'Cancelled') ORDER BY done_at LIMIT $2 FOR UPDATE SKIP LOCKED)
            """, ct, endedBefore, (long)max);

    /// <summary>
    /// For a database used by one process only (tests, a single instance): makes every in-flight row claimable now. The
    /// host never calls it on PostgreSQL, where another live instance may hold those claims.
    /// </summary>
    public Task<int> ReleaseInFlightAsync(DateTimeOffset now, CancellationToken ct) =>
        ChangeAllAsync("state = 'InFlight'", r => r with { NextAt = now }, ct);

    private async Task<bool> ChangeAsync(string key, Func<OutboxRow, OutboxRow?> change, CancellationToken ct) =>
        await InTransactionAsync(async conn =>
        {
            var rows = await LockRowsAsync(conn, "key = $1", ct, key);
            return rows.Count == 1 && change(rows[0]) is { } next && await UpdateRowsAsync(conn, [next], ct) == 1;
        }, ct);

    private async Task<int> ChangeAllAsync(string where, Func<OutboxRow, OutboxRow> change, CancellationToken ct) =>
        await InTransactionAsync(async conn => await UpdateRowsAsync(conn, (await LockRowsAsync(conn, where, ct)).Select(change).ToList(), ct), ct);

    private static async Task<List<OutboxRow>> LockRowsAsync(NpgsqlConnection conn, string where, CancellationToken ct, params object?[] args) =>
        await Pg.ListAsync(Pg.Command(conn, $"SELECT {OutboxColumns} FROM outbox WHERE {where} ORDER BY key FOR UPDATE", args), ToRow, ct);

    private static async Task<int> UpdateRowsAsync(NpgsqlConnection conn, IReadOnlyList<OutboxRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        await using var batch = new NpgsqlBatch(conn);
        foreach (var r in rows)
        {
            batch.BatchCommands.Add(Pg.BatchCommand(
                "UPDATE outbox SET state = $2, next_at = $3, queue_at = $4, attempts = $5, last_error = $6, channel = $7, done_at = $8 WHERE key = $1",
                r.Key, r.State.ToString(), r.NextAt, r.IsActive ? r.NextAt : null, r.Attempts, r.LastError, r.Channel, r.DoneAt));
        }

        return await batch.ExecuteNonQueryAsync(ct);
    }

    private static OutboxRow ToRow(NpgsqlDataReader r) => new()
    {
        Key = r.GetString(0),
        Kind = r.GetString(1),
        Recipient = r.GetString(2),
        DueAt = r.Instant(3),
        State = Enum.Parse<OutboxState>(r.GetString(4)),
        NextAt = r.Instant(5),
        Attempts = r.GetInt32(7),
        LastError = r.NullableString(8),
        Channel = r.NullableString(9),
        ItemId = r.NullableString(10),
        ItemDue = r.NullableDate(11),
        CreatedAt = r.Instant(12),
        DoneAt = r.NullableInstant(13),
        Message = JsonSerializer.Deserialize<Reply>(r.GetString(14), PgJson.Messages)!,
    };

    internal static string Invariant(long n) => n.ToString(CultureInfo.InvariantCulture);
}
