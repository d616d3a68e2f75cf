using System.Globalization;
using System.Text.Json;
using LiteDB;
using OversightBot.Core.Ports;
using OversightBot.Core.Proactive;
using OversightBot.Core.Replies;

namespace OversightBot.Storage.LiteDb;

/// <summary>
/// The outbox: one document per key (the key is the _id, so a key is written once). "queueAt" holds the UTC
/// time a row is next claimable while it is active (null otherwise): one index answers "what is due now".
/// </summary>
public sealed partial class LiteDbStore : IOutboxStore
{
    internal const string OutboxName = "outbox";
    private static readonly JsonSerializerOptions MessageJson = new(JsonSerializerDefaults.Web);
    private readonly Lock _outboxLock = new();

    private ILiteCollection<BsonDocument> Outbox => _db.GetCollection(OutboxName);

    public Task<bool> AddIfAbsentAsync(OutboxRow row, CancellationToken ct)
    {
        lock (_outboxLock)
        {
            if ((Outbox.FindById(row.Key) is not null))
            {
                return Task.FromResult(false);
            }

            Outbox.Insert(ToDocument(row));
            return Task.FromResult(true);
        }
    }

    public Task<int> AddManyIfAbsentAsync(IReadOnlyCollection<OutboxRow> rows, CancellationToken ct)
    {
        lock (_outboxLock)
        {
            return Task.FromResult(InTransaction(() =>
            {
                var added = 0;
                foreach (var row in rows.DistinctBy(r => r.Key, StringComparer.Ordinal))
                {
                    if (!(Outbox.FindById(row.Key) is not null))
                    {
                        Outbox.Insert(ToDocument(row));
                        added++;
                    }
                }

                return added;
            }));
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct) => Task.FromResult(Outbox.FindById(key) is not null);

    public Task<IReadOnlySet<string>> ExistingKeysAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        lock (_outboxLock)
        {
            return Task.FromResult<IReadOnlySet<string>>(InTransaction(() =>
                keys.Where(k => Outbox.FindById(k) is not null).ToHashSet(StringComparer.Ordinal)));
        }
    }

    public Task<OutboxRow?> GetOutboxRowAsync(string key, CancellationToken ct)
    {
        var doc = Outbox.FindById(key);
        return Task.FromResult(doc is null ? null : ToRow(doc));
    }

    public Task<IReadOnlyList<OutboxRow>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken ct)
    {
        lock (_outboxLock)
        {
            return Task.FromResult(InTransaction<IReadOnlyList<OutboxRow>>(() =>
            {
                var due = Outbox.Query().Where(Query.Between("queueAt", "0", Utc(now))).OrderBy("queueAt").Limit(max)
                    .ToEnumerable().Select(ToRow).Select(r => OutboxTransitions.Claimed(r, now, lease)).ToList();
                Outbox.Update(due.Select(ToDocument));
                return due;
            }));
        }
    }

    public Task<bool> RecordAsync(string key, SendOutcome outcome, string? channel, DateTimeOffset now, OutboxRetryPolicy retry, CancellationToken ct) =>
        Task.FromResult(Change(key, r => r.State == OutboxState.InFlight ? OutboxTransitions.After(r, outcome, channel, now, retry) : null));

    public Task<int> RecordManyAsync(IReadOnlyList<OutboxOutcome> outcomes, DateTimeOffset now, OutboxRetryPolicy retry, CancellationToken ct)
    {
        lock (_outboxLock)
        {
            return Task.FromResult(InTransaction(() =>
            {
                var changed = new List<BsonDocument>(outcomes.Count);
                foreach (var o in outcomes)
                {
                    var doc = Outbox.FindById(o.Key);
                    if (doc is not null && ToRow(doc) is { State: OutboxState.InFlight } row)
                    {
                        changed.Add(ToDocument(OutboxTransitions.After(row, o.Outcome, o.Channel, now, retry)));
                    }
                }

                return Outbox.Update(changed);
            }));
        }
    }

    public Task<bool> CancelAsync(string key, string reason, DateTimeOffset now, CancellationToken ct) =>
        Task.FromResult(Change(key, r => r.IsActive ? OutboxTransitions.Cancelled(r, reason, now) : null));

    public Task<IReadOnlyList<OutboxRow>> ByStateAsync(OutboxState? state, int skip, int take, CancellationToken ct)
    {
        var docs = state is { } s ? Outbox.Find(Query.EQ("state", s.ToString())) : Outbox.FindAll();
        IReadOnlyList<OutboxRow> rows = docs.Select(ToRow)
            .OrderBy(r => r.NextAt).ThenBy(r => r.Key, StringComparer.Ordinal).Skip(skip).Take(take).ToList();
        return Task.FromResult(rows);
    }

    public Task<IReadOnlyDictionary<OutboxState, int>> CountByStateAsync(CancellationToken ct)
    {
        IReadOnlyDictionary<OutboxState, int> counts = Enum.GetValues<OutboxState>()
            .Select(s => (s, n: Outbox.Count(Query.EQ("state", s.ToString()))))
            .Where(x => x.n > 0).ToDictionary(x => x.s, x => x.n);
        return Task.FromResult(counts);
    }

    public Task<bool> RetryAsync(string key, DateTimeOffset now, CancellationToken ct) =>
        Task.FromResult(Change(key, r => r.State is OutboxState.Dead or OutboxState.Failed or OutboxState.Gone or OutboxState.Cancelled
            ? OutboxTransitions.Retried(r, now)
            : null));

    public Task<int> RetryDeadAsync(DateTimeOffset now, CancellationToken ct) =>
        Task.FromResult(ChangeAll(OutboxState.Dead, r => OutboxTransitions.Retried(r, now)));

    public Task<int> PruneAsync(DateTimeOffset endedBefore, int max, CancellationToken ct)
    {
        if (max <= 0)
        {
            return Task.FromResult(0);
        }

        lock (_outboxLock)
        {
            return Task.FromResult(InTransaction(() =>
            {
                // doneAt is null while a row is active, so the range starts at the earliest instant, not at null.
                var ended = Outbox.Find(Query.Between("doneAt", Utc(DateTimeOffset.MinValue), Utc(endedBefore)))
                    .Where(d => d["state"].AsString is nameof(OutboxState.Delivered) or nameof(OutboxState.Gone) or nameof(OutboxState.Cancelled))
                    .Take(max)
                    .Select(d => d["_id"])
                    .ToList();
                return ended.Count(id => Outbox.Delete(id));
            }));
        }
    }

    public Task<int> ReleaseInFlightAsync(DateTimeOffset now, CancellationToken ct) =>
        Task.FromResult(ChangeAll(OutboxState.InFlight, r => r with { NextAt = now }));

    private bool Change(string key, Func<OutboxRow, OutboxRow?> change)
    {
        lock (_outboxLock)
        {
            var doc = Outbox.FindById(key);
            if (doc is null || change(ToRow(doc)) is not { } next)
            {
                return false;
            }

            return Outbox.Update(ToDocument(next));
        }
    }

    private int ChangeAll(OutboxState state, Func<OutboxRow, OutboxRow> change)
    {
        lock (_outboxLock)
        {
            return InTransaction(() =>
            {
                var rows = Outbox.Find(Query.EQ("state", state.ToString())).Select(ToRow).Select(change).ToList();
                return Outbox.Update(rows.Select(ToDocument));
            });
        }
    }

    private T InTransaction<T>(Func<T> work)
    {
        _db.BeginTrans();
        try
        {
            var result = work();
            _db.Commit();
            return result;
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    }

    private static BsonDocument ToDocument(OutboxRow r) => new()
    {
        ["_id"] = r.Key,
        ["kind"] = r.Kind,
        ["recipient"] = r.Recipient,
        ["dueAt"] = Utc(r.DueAt),
        ["state"] = r.State.ToString(),
        ["nextAt"] = Utc(r.NextAt),
        ["queueAt"] = r.IsActive ? Utc(r.NextAt) : BsonValue.Null,
        ["attempts"] = r.Attempts,
        ["lastError"] = r.LastError,
        ["channel"] = r.Channel,
        ["itemId"] = r.ItemId,
        ["itemDue"] = r.ItemDue is { } d ? StoreMapper.Iso(d) : BsonValue.Null,
        ["createdAt"] = Utc(r.CreatedAt),
        ["doneAt"] = r.DoneAt is { } done ? Utc(done) : BsonValue.Null,
        ["message"] = System.Text.Json.JsonSerializer.Serialize(r.Message, MessageJson),
    };

    private static OutboxRow ToRow(BsonDocument d) => new()
    {
        Key = d["_id"].AsString,
        Kind = d["kind"].AsString,
        Recipient = d["recipient"].AsString,
        DueAt = Instant(d["dueAt"].AsString),
        State = Enum.Parse<OutboxState>(d["state"].AsString),
        NextAt = Instant(d["nextAt"].AsString),
        Attempts = d["attempts"].AsInt32,
        LastError = d["lastError"].IsNull ? null : d["lastError"].AsString,
        Channel = d["channel"].IsNull ? null : d["channel"].AsString,
        ItemId = d["itemId"].IsNull ? null : d["itemId"].AsString,
        ItemDue = d["itemDue"].IsNull ? null : DateOnly.ParseExact(d["itemDue"].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        CreatedAt = Instant(d["createdAt"].AsString),
        DoneAt = d["doneAt"].IsNull ? null : Instant(d["doneAt"].AsString),
        Message = System.Text.Json.JsonSerializer.Deserialize<Reply>(d["message"].AsString, MessageJson)!,
    };

    /// <summary>UTC instants as fixed-width ISO strings, so they sort and range-query as text.</summary>
    internal static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Instant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
