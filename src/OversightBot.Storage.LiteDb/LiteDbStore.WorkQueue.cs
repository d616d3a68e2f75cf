using LiteDB;
using OversightBot.Core.Ports;

namespace OversightBot.Storage.LiteDb;

/// <summary>
/// The durable work queue: one document per item, claimed by its <c>readyAt</c> index (dead items have none). A done
/// item with <see cref="WorkItem.KeepIdUntil"/> becomes a tombstone (<c>done</c>, no <c>readyAt</c>) that keeps its id
/// taken until then; claims sweep expired tombstones now and then.
/// </summary>
public sealed partial class LiteDbStore : IWorkQueue
{
    internal const string WorkQueueName = "work";
    private static readonly TimeSpan TombstoneSweep = TimeSpan.FromMinutes(10);
    private readonly Lock _workLock = new();
    private DateTimeOffset _nextTombstoneSweep = DateTimeOffset.MinValue;

    private ILiteCollection<BsonDocument> Work => _db.GetCollection(WorkQueueName);

    public Task<bool> EnqueueWorkAsync(WorkItem item, CancellationToken ct)
    {
        lock (_workLock)
        {
            if (Work.FindById(item.Id) is not null)
            {
                return Task.FromResult(false);
            }

            Work.Insert(ToDocument(item));
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<WorkItem>> ClaimWorkAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken ct)
    {
        lock (_workLock)
        {
            // Dead items have no readyAt, which the index holds as null and orders before every string: start above it.
            SweepTombstones(now);
            var claimed = Work.Find(Query.Between("readyAt", "0", Utc(now)), limit: max).Select(ToWorkItem)
                .Select(w => w with { Attempts = w.Attempts + 1, ReadyAt = now + lease }).ToList();
            foreach (var item in claimed)
            {
                Work.Update(ToDocument(item));
            }

            return Task.FromResult<IReadOnlyList<WorkItem>>(claimed);
        }
    }

    public Task<WorkItem?> GetWorkAsync(string id, CancellationToken ct) =>
        Task.FromResult(Work.FindById(id) is { } d && !IsTombstone(d) ? ToWorkItem(d) : null);

    public Task SaveWorkProgressAsync(string id, string progress, CancellationToken ct) =>
        Change(id, w => w with { Progress = progress });

    public Task CompleteWorkAsync(string id, CancellationToken ct)
    {
        lock (_workLock)
        {
            if (Work.FindById(id) is { } d && !IsTombstone(d) && !d["keepIdUntil"].IsNull)
            {
                Work.Update(new BsonDocument { ["_id"] = id, ["kind"] = d["kind"], ["done"] = true, ["keepIdUntil"] = d["keepIdUntil"] });
            }
            else
            {
                Work.Delete(id);
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsTombstone(BsonDocument d) => d["done"].IsBoolean && d["done"].AsBoolean;

    /// <summary>Forgets tombstones whose time has passed (a scan, at most every <see cref="TombstoneSweep"/>).</summary>
    private void SweepTombstones(DateTimeOffset now)
    {
        if (now < _nextTombstoneSweep)
        {
            return;
        }

        _nextTombstoneSweep = now + TombstoneSweep;
        var expired = Utc(now);
        Work.DeleteMany("$.done = true AND $.keepIdUntil < @0", expired);
    }

    public Task FailWorkAsync(string id, string error, DateTimeOffset readyAt, bool dead, CancellationToken ct) =>
        Change(id, w => w with { LastError = error.Length > 2000 ? error[..2000] : error, ReadyAt = readyAt, Dead = dead });

    private Task Change(string id, Func<WorkItem, WorkItem> change)
    {
        lock (_workLock)
        {
            if (Work.FindById(id) is { } d && !IsTombstone(d))
            {
                Work.Update(ToDocument(change(ToWorkItem(d))));
            }
        }

        return Task.CompletedTask;
    }

    private static BsonDocument ToDocument(WorkItem w)
    {
        var d = new BsonDocument
        {
            ["_id"] = w.Id,
            ["kind"] = w.Kind,
            ["payload"] = w.Payload,
            ["at"] = Utc(w.ReadyAt),
            ["attempts"] = w.Attempts,
            ["progress"] = w.Progress is null ? BsonValue.Null : w.Progress,
            ["error"] = w.LastError is null ? BsonValue.Null : w.LastError,
            ["dead"] = w.Dead,
            ["keepIdUntil"] = w.KeepIdUntil is { } keep ? Utc(keep) : BsonValue.Null,
        };
        if (!w.Dead)
        {
            d["readyAt"] = Utc(w.ReadyAt);
        }

        return d;
    }

    private static WorkItem ToWorkItem(BsonDocument d) => new()
    {
        Id = d["_id"].AsString,
        Kind = d["kind"].AsString,
        Payload = d["payload"].AsString,
        ReadyAt = Instant(d["at"].AsString),
        Attempts = d["attempts"].AsInt32,
        Progress = d["progress"].IsNull ? null : d["progress"].AsString,
        LastError = d["error"].IsNull ? null : d["error"].AsString,
        Dead = d["dead"].AsBoolean,
        KeepIdUntil = d["keepIdUntil"].IsString ? Instant(d["keepIdUntil"].AsString) : null,
    };
}
