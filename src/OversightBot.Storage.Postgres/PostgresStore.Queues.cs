using System.Text.Json;
using Npgsql;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Storage.Postgres;

/// <summary>The web chat's inbox, "more" state and the durable work queue, shared by every instance.</summary>
public sealed partial class PostgresStore
{
    public async Task AddNotificationAsync(Notification notification, CancellationToken ct) =>
        await Pg.ExecAsync(_data, "INSERT INTO inbox (key, recipient, at, message) VALUES ($1, $2, $3, $4)", ct,
            notification.Key, notification.Recipient.Trim().ToLowerInvariant(), notification.At,
            new Pg.Json(JsonSerializer.Serialize(notification.Message, PgJson.Messages)));

    public async Task<IReadOnlyList<Notification>> NotificationsAsync(string recipient, int take, CancellationToken ct) =>
        await Pg.ListAsync(Pg.Command(_data, """
            SELECT key, recipient, at, message::text FROM (
                SELECT DISTINCT ON (key) key, recipient, at, message, id FROM inbox WHERE recipient = $1 ORDER BY key, id) first
            ORDER BY at DESC LIMIT $2
            """, recipient.Trim().ToLowerInvariant(), (long)take),
            r => new Notification(r.GetString(0), r.GetString(1), r.Instant(2), JsonSerializer.Deserialize<Reply>(r.GetString(3), PgJson.Messages)!), ct);

    public async Task<IReadOnlyDictionary<string, int>> DeliveryCountsAsync(CancellationToken ct) =>
        (await Pg.ListAsync(Pg.Command(_data, "SELECT key, count(*) FROM inbox GROUP BY key"), r => (r.GetString(0), (int)r.GetInt64(1)), ct))
        .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);

    public async Task<PageState?> GetPageStateAsync(string key, DateTimeOffset now, CancellationToken ct) =>
        (await Pg.ListAsync(Pg.Command(_data, "SELECT question, today, next, expires_at FROM page_states WHERE key = $1 AND expires_at > $2", key, now),
            r => new PageState(key, r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetInt32(2), r.Instant(3)), ct)).FirstOrDefault();

    /// <summary>Upserts the state, drops expired ones and, beyond <paramref name="keepAtMost"/>, those expiring first (one round trip).</summary>
    public async Task SavePageStateAsync(PageState state, DateTimeOffset now, int keepAtMost, CancellationToken ct)
    {
        await using var batch = _data.CreateBatch();
        batch.BatchCommands.Add(Pg.BatchCommand("""
            INSERT INTO page_states (key, question, today, next, expires_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (key) DO UPDATE SET question = excluded.question, today = excluded.today, next = excluded.next, expires_at = excluded.expires_at
            """, state.Key, state.Question, state.Today, state.Next, state.ExpiresAt));
        batch.BatchCommands.Add(Pg.BatchCommand("DELETE FROM page_states WHERE expires_at <= $1", now));
        batch.BatchCommands.Add(Pg.BatchCommand(
            "DELETE FROM page_states WHERE key IN (SELECT key FROM page_states ORDER BY expires_at DESC OFFSET $1)", (long)Math.Max(keepAtMost, 1)));
        await batch.ExecuteNonQueryAsync(ct);
    }

    public async Task ForgetPageStateAsync(string key, CancellationToken ct) =>
        await Pg.ExecAsync(_data, "DELETE FROM page_states WHERE key = $1", ct, key);

    public async Task<bool> EnqueueWorkAsync(WorkItem item, CancellationToken ct) =>
        await Pg.ExecAsync(_data, """
            INSERT INTO work (id, kind, payload, at, attempts, progress, error, dead, ready_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (id) DO NOTHING
            """, ct, item.Id, item.Kind, item.Payload, item.ReadyAt, item.Attempts, item.Progress, item.LastError, item.Dead, item.Dead ? null : item.ReadyAt) == 1;

    /// <summary>Claimed with <c>FOR UPDATE SKIP LOCKED</c>: instances claiming at once take different items.</summary>
    public async Task<IReadOnlyList<WorkItem>> ClaimWorkAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken ct) =>
        max <= 0 ? [] : await Pg.ListAsync(Pg.Command(_data, $"""
            WITH ready AS (SELECT id FROM work WHERE ready_at <= $1 ORDER BY ready_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
            UPDATE work w SET attempts = w.attempts + 1, at = $3, ready_at = $3 FROM ready WHERE w.id = ready.id
            RETURNING {WorkColumns.Replace("id,", "w.id,", StringComparison.Ordinal)}
            """, now, (long)max, now + lease), ToWorkItem, ct);

    public async Task<WorkItem?> GetWorkAsync(string id, CancellationToken ct) =>
        (await Pg.ListAsync(Pg.Command(_data, $"SELECT {WorkColumns} FROM work WHERE id = $1", id), ToWorkItem, ct)).FirstOrDefault();

    public async Task SaveWorkProgressAsync(string id, string progress, CancellationToken ct) =>
        await Pg.ExecAsync(_data, "UPDATE work SET progress = $2 WHERE id = $1", ct, id, progress);

    public async Task CompleteWorkAsync(string id, CancellationToken ct) =>
        await Pg.ExecAsync(_data, "DELETE FROM work WHERE id = $1", ct, id);

    public async Task FailWorkAsync(string id, string error, DateTimeOffset readyAt, bool dead, CancellationToken ct) =>
        await Pg.ExecAsync(_data, "UPDATE work SET error = $2, at = $3, dead = $4, ready_at = CASE WHEN $4 THEN NULL ELSE $3 END WHERE id = $1", ct,
            id, error.Length > 2000 ? error[..2000] : error, readyAt, dead);

    private const string WorkColumns = "id, kind, payload, at, attempts, progress, error, dead";

    private static WorkItem ToWorkItem(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        Kind = r.GetString(1),
        Payload = r.GetString(2),
        ReadyAt = r.Instant(3),
        Attempts = r.GetInt32(4),
        Progress = r.NullableString(5),
        LastError = r.NullableString(6),
        Dead = r.GetBoolean(7),
    };
}
