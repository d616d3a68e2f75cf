using System.Reflection;
using LiteDB;
using LiteDB.Engine;

namespace OversightBot.Storage.LiteDb;

/// <summary>
/// LiteDB's engine, with one change: a write returns only once its pages are in the write log file. LiteDB 5 hands
/// committed pages to a background writer and returns at once, so a process killed right after a commit (SIGKILL, a
/// power cut) could lose a change it had already acknowledged. After every write and commit this waits for that
/// writer's queue to be empty (LiteDB's own internal wait, found once by reflection and checked when the store opens).
/// </summary>
internal sealed class DurableEngine : ILiteEngine
{
    private static readonly FieldInfo? DiskField = typeof(LiteEngine).GetField("_disk", BindingFlags.Instance | BindingFlags.NonPublic);
    private readonly LiteEngine _inner;
    private readonly Action _waitForDisk;

    public DurableEngine(string filename)
    {
        _inner = new LiteEngine(new EngineSettings { Filename = filename });
        try
        {
            _waitForDisk = WaiterFor(_inner);
        }
        catch
        {
            _inner.Dispose();
            throw;
        }
    }

    private static Action WaiterFor(LiteEngine engine)
    {
        var disk = DiskField?.GetValue(engine) ?? throw Unsupported("the engine's disk");
        var queueProperty = disk.GetType().GetProperty("Queue", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic) ?? throw Unsupported("the disk's write queue");
        var lazy = queueProperty.GetValue(disk) ?? throw Unsupported("the disk's write queue");
        var isCreated = lazy.GetType().GetProperty("IsValueCreated") ?? throw Unsupported("the write queue's state");
        var value = lazy.GetType().GetProperty("Value") ?? throw Unsupported("the write queue");
        var wait = value.PropertyType.GetMethod("Wait", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes) ?? throw Unsupported("the write queue's wait");
        return () =>
        {
            if (isCreated.GetValue(lazy) is true)
            {
                wait.Invoke(value.GetValue(lazy), null);
            }
        };
    }

    private static NotSupportedException Unsupported(string what) =>
        new($"This LiteDB version does not expose {what}; writes could not be made durable before they are acknowledged.");

    private T Durable<T>(T result)
    {
        _waitForDisk();
        return result;
    }

    public int Checkpoint() => _inner.Checkpoint();

    public long Rebuild(RebuildOptions options) => Durable(_inner.Rebuild(options));

    public bool BeginTrans() => _inner.BeginTrans();

    public bool Commit() => Durable(_inner.Commit());

    public bool Rollback() => _inner.Rollback();

    public IBsonDataReader Query(string collection, Query query) => _inner.Query(collection, query);

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Durable(_inner.Insert(collection, docs, autoId));

    public int Update(string collection, IEnumerable<BsonDocument> docs) => Durable(_inner.Update(collection, docs));

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Durable(_inner.UpdateMany(collection, transform, predicate));

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Durable(_inner.Upsert(collection, docs, autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) => Durable(_inner.Delete(collection, ids));

    public int DeleteMany(string collection, BsonExpression predicate) => Durable(_inner.DeleteMany(collection, predicate));

    public bool DropCollection(string name) => Durable(_inner.DropCollection(name));

    public bool RenameCollection(string name, string newName) => Durable(_inner.RenameCollection(name, newName));

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Durable(_inner.EnsureIndex(collection, name, expression, unique));

    public bool DropIndex(string collection, string name) => Durable(_inner.DropIndex(collection, name));

    public BsonValue Pragma(string name) => _inner.Pragma(name);

    public bool Pragma(string name, BsonValue value) => Durable(_inner.Pragma(name, value));

    public void Dispose() => _inner.Dispose();
}
