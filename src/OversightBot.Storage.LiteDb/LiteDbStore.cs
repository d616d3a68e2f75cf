using LiteDB;
using OversightBot.Core.Ports;

namespace OversightBot.Storage.LiteDb;

/// <summary>
/// The embedded store: one LiteDB file holding items, boards, people and (in their own files of this
/// partial class) the other ports. Thread-safe within one process; the file's UserVersion is the schema version.
/// The object owns the file for its lifetime (an exclusive lock beside it, see <see cref="StoreLock"/>); how it is
/// opened, checked and created is in <c>LiteDbStore.Open.cs</c>.
/// </summary>
public sealed partial class LiteDbStore : IBotStore
{
    private readonly LiteDatabase _db;
    private readonly string _location;

    /// <summary>Opens the store at <paramref name="path"/> (creating it, empty, when there is no file), owning it until disposed.</summary>
    /// <exception cref="StoreInUseException">Another process owns the file.</exception>
    /// <exception cref="StoreRefusedException">The file is damaged, truncated, lost its write log, or is newer than this build.</exception>
    public LiteDbStore(string path)
        : this(Prepare(path, StoreOpenOptions.Default))
    {
    }

    private long _revision;

    public int SchemaVersion => _db.UserVersion;

    /// <inheritdoc cref="IItemStore.Revision"/>
    public long Revision => Interlocked.Read(ref _revision);

    private void Changed() => Interlocked.Increment(ref _revision);

    internal LiteDatabase Database => _db;

    /// <summary>A real read and a real write (a probe record outside the data the bot serves); unhealthy when either fails.</summary>
    public Task<StoreHealth> HealthAsync(CancellationToken ct)
    {
        try
        {
            Probe();
            return Task.FromResult(new StoreHealth(
                true, "litedb", _db.UserVersion, Items.Count(), Boards.Count(), People.Count(), _location, null));
        }
        catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException or InvalidOperationException or ObjectDisposedException)
        {
            return Task.FromResult(new StoreHealth(false, "litedb", 0, 0, 0, 0, _location, ex.Message));
        }
    }

    public Task<bool> IsEmptyAsync(CancellationToken ct) =>
        Task.FromResult(Items.Count() == 0 && Boards.Count() == 0 && People.Count() == 0);
}
