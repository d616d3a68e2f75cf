using LiteDB;
using OversightBot.Core.Ports;

namespace OversightBot.Storage.LiteDb;

/// <summary>
/// The embedded store: one LiteDB file holding items, boards, people and (in their own files of this
/// partial class) the other ports. Thread-safe within one process; the file's UserVersion is the schema version.
/// </summary>
public sealed partial class LiteDbStore : IBotStore
{
    private readonly LiteDatabase _db;
    private readonly string _location;

    public LiteDbStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        _location = full;
        _db = new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Direct }, StoreMapper.Create());
        SchemaMigrations.Apply(_db);
    }

    private long _revision;

    public int SchemaVersion => _db.UserVersion;

    /// <inheritdoc cref="IItemStore.Revision"/>
    public long Revision => Interlocked.Read(ref _revision);

    private void Changed() => Interlocked.Increment(ref _revision);

    internal LiteDatabase Database => _db;

    public Task<StoreHealth> HealthAsync(CancellationToken ct)
    {
        try
        {
            return Task.FromResult(new StoreHealth(
                true, "litedb", _db.UserVersion, Items.Count(), Boards.Count(), People.Count(), _location, null));
        }
        catch (LiteException ex)
        {
            return Task.FromResult(new StoreHealth(false, "litedb", 0, 0, 0, 0, _location, ex.Message));
        }
    }

    public Task<bool> IsEmptyAsync(CancellationToken ct) =>
        Task.FromResult(Items.Count() == 0 && Boards.Count() == 0 && People.Count() == 0);

    public void Dispose() => _db.Dispose();
}
