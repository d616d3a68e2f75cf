using LiteDB;
using LiteDB.Engine;

namespace OversightBot.Storage.LiteDb;

/// <summary>
/// Checks a store before it is opened for writing, reading it through streams that refuse writes so the file and
/// its log stay exactly as they were: size, header, schema version, whether its last owner closed it cleanly (and
/// if not, that its write log is there), and that every document of every collection can be read.
/// </summary>
public static class StoreCheck
{
    public const int PageSize = 8192;

    /// <summary>What a check found: the counts per collection when the store is sound.</summary>
    public sealed record Report(int SchemaVersion, bool ClosedCleanly, IReadOnlyDictionary<string, int> Documents);

    /// <exception cref="StoreRefusedException">The store cannot be used as it is.</exception>
    public static Report Verify(StoreFiles files)
    {
        var length = new FileInfo(files.Data).Length;
        if (length == 0)
        {
            throw new StoreRefusedException(files.Data, "the file is empty (0 bytes).");
        }

        if (length % PageSize != 0)
        {
            throw new StoreRefusedException(files.Data, $"the file is truncated ({length:N0} bytes is not a whole number of {PageSize / 1024} KB pages).");
        }

        try
        {
            using var db = OpenReadOnly(files, withLog: true);
            return Inspect(files, db);
        }
        catch (StoreRefusedException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new StoreRefusedException(files.Data, $"it cannot be read ({ex.GetType().Name}: {ex.Message}).");
        }
    }

    /// <summary>LiteDB over the file (and its log, when asked and present) through streams that refuse writes.</summary>
    internal static LiteDatabase OpenReadOnly(StoreFiles files, bool withLog)
    {
        Stream data = new ReadOnlyFile(files.Data);
        Stream log = withLog && File.Exists(files.Log) ? new ReadOnlyFile(files.Log) : new MemoryStream();
        var engine = new LiteEngine(new EngineSettings { DataStream = data, LogStream = log, ReadOnly = true });
        return new LiteDatabase(engine, StoreMapper.Create(), disposeOnClose: true);
    }

    private static Report Inspect(StoreFiles files, LiteDatabase db)
    {
        var version = db.UserVersion;
        if (version == 0)
        {
            throw new StoreRefusedException(files.Data,
                "it holds no OversightBot data: it was never completed, or what it holds is in a write log that is missing.");
        }

        if (version > SchemaMigrations.Current)
        {
            throw new StoreRefusedException(files.Data,
                $"it has schema version {version}, newer than this build understands ({SchemaMigrations.Current}). Upgrade OversightBot.", recoverable: false);
        }

        var state = StoreState.Read(db);
        if (state is { Clean: false } && !File.Exists(files.Log))
        {
            throw new StoreRefusedException(files.Data,
                $"it was not closed cleanly (last opened by process {state.Pid}, {state.Verb}) and its write log {files.Log} is missing, so its latest changes are not in it.");
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in db.GetCollectionNames().Order(StringComparer.Ordinal))
        {
            var collection = db.GetCollection(name);
            var indexed = collection.Count();
            var read = 0;
            foreach (var _ in collection.FindAll())
            {
                read++;
            }

            if (read != indexed)
            {
                throw new StoreRefusedException(files.Data, $"collection '{name}' lists {indexed} documents but {read} can be read.");
            }

            counts[name] = read;
        }

        return new Report(version, state?.Clean ?? true, counts);
    }
}
