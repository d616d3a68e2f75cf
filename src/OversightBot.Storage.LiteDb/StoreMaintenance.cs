using System.Globalization;
using LiteDB;

namespace OversightBot.Storage.LiteDb;

/// <summary>
/// What an operator does to a store nobody has open: <see cref="Restore"/> a backup, or <see cref="Repair"/> a damaged
/// file. Both hold the store's lock throughout (refused while a host owns it) and keep the file they replace beside it.
/// </summary>
public static class StoreMaintenance
{
    public sealed record RestoreResult(StoreCheck.Report Backup, string? KeptAs);

    public sealed record RepairResult(string KeptAs, IReadOnlyDictionary<string, int> Recovered, IReadOnlyList<string> Problems);

    /// <summary>Checks <paramref name="backup"/>, moves the current store aside (when there is one), and puts a copy of the backup in its place.</summary>
    /// <exception cref="StoreInUseException">Another process owns the store.</exception>
    /// <exception cref="StoreRefusedException">The backup is not a sound, complete store (its path is the exception's).</exception>
    public static RestoreResult Restore(string storePath, string backup, TimeProvider clock)
    {
        var files = new StoreFiles(storePath);
        var source = new StoreFiles(backup);
        if (!File.Exists(source.Data))
        {
            throw new FileNotFoundException($"There is no backup file {source.Data}.", source.Data);
        }

        if (string.Equals(source.Data, files.Data, StringComparison.Ordinal))
        {
            throw new ArgumentException("The backup is the store itself.", nameof(backup));
        }

        using var held = StoreLock.Acquire(files, "restore", TimeSpan.Zero, clock);
        var report = StoreCheck.Verify(source);
        var incoming = files.Sibling($"restoring-{Environment.ProcessId}");
        incoming.DeleteIfPresent();
        source.CopyTo(incoming);
        StoreCheck.Verify(incoming);
        var kept = KeepAside(files, "replaced", clock);
        incoming.MoveTo(files);
        return new RestoreResult(report, kept);
    }

    /// <summary>
    /// Moves the damaged store aside, untouched, then builds a new store from every document that can still be read from
    /// it (derived counts rebuilt, no demo data). A store with nothing readable becomes an empty store.
    /// </summary>
    public static RepairResult Repair(string storePath, TimeProvider clock)
    {
        var files = new StoreFiles(storePath);
        if (!File.Exists(files.Data) && !File.Exists(files.Log))
        {
            throw new FileNotFoundException($"There is no store at {files.Data}.", files.Data);
        }

        using var held = StoreLock.Acquire(files, "repair", TimeSpan.Zero, clock);
        var kept = KeepAside(files, "damaged", clock) ?? throw new FileNotFoundException($"There is no store at {files.Data}.", files.Data);
        var building = files.Sibling($"repairing-{Environment.ProcessId}");
        building.DeleteIfPresent();
        var problems = new List<string>();
        var recovered = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var target = new LiteDatabase(new ConnectionString { Filename = building.Data, Connection = ConnectionType.Direct }, StoreMapper.Create()))
        {
            Salvage(new StoreFiles(kept), target, recovered, problems);
            SchemaMigrations.Apply(target, SchemaMigrations.Current);
            LiteDbStore.RebuildDayCounts(target);
            new StoreState(true, Environment.ProcessId, "repair", clock.GetUtcNow()).Write(target);
            target.Checkpoint();
        }

        building.DropFoldedLog();

        StoreCheck.Verify(building);
        building.MoveTo(files);
        return new RepairResult(kept, recovered, problems);
    }

    /// <summary>Moves the store (and its log) to <c>NAME.TAG-yyyyMMddTHHmmssZ.EXT</c>; returns that path, or null when there was no file.</summary>
    private static string? KeepAside(StoreFiles files, string tag, TimeProvider clock)
    {
        if (!File.Exists(files.Data) && !File.Exists(files.Log))
        {
            return null;
        }

        var aside = files.Sibling($"{tag}-{clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}");
        if (File.Exists(files.Data))
        {
            File.Move(files.Data, aside.Data, overwrite: false);
        }

        if (File.Exists(files.Log))
        {
            File.Move(files.Log, aside.Log, overwrite: false);
        }

        return aside.Data;
    }

    private static void Salvage(StoreFiles damaged, LiteDatabase target, Dictionary<string, int> recovered, List<string> problems)
    {
        if (!File.Exists(damaged.Data) || new FileInfo(damaged.Data).Length < StoreCheck.PageSize)
        {
            problems.Add("nothing could be read: the file is missing or shorter than one page");
            SchemaMigrations.Apply(target, SchemaMigrations.Current);
            return;
        }

        try
        {
            using var source = StoreCheck.OpenReadOnly(damaged, withLog: true);
            var version = source.UserVersion;
            SchemaMigrations.Apply(target, version is > 0 and <= SchemaMigrations.Current ? version : SchemaMigrations.Current);
            foreach (var name in source.GetCollectionNames().Where(n => n is not StoreState.CollectionName and not LiteDbStore.DayCountsName and not LiteDbStore.OwnerCountsName))
            {
                recovered[name] = Copy(source.GetCollection(name), target.GetCollection(name), problems);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add($"reading stopped: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static int Copy(ILiteCollection<BsonDocument> from, ILiteCollection<BsonDocument> to, List<string> problems)
    {
        var copied = 0;
        try
        {
            foreach (var doc in from.FindAll())
            {
                to.Upsert(doc);
                copied++;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add($"{from.Name}: reading stopped after {copied} documents ({ex.GetType().Name}: {ex.Message})");
        }

        return copied;
    }
}
