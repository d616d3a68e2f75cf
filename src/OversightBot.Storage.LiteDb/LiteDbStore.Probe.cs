using LiteDB;

namespace OversightBot.Storage.LiteDb;

/// <summary>The health probe and the file-level operations an owner performs: backup.</summary>
public sealed partial class LiteDbStore
{
    private readonly Lock _backupGate = new();

    private void Probe()
    {
        var state = _db.GetCollection(StoreState.CollectionName);
        _ = state.FindById("owner") ?? throw new LiteException(0, "The store's ownership record cannot be read.");
        state.Upsert(new BsonDocument { ["_id"] = "probe", ["at"] = _options.Clock.GetUtcNow().ToString("o", System.Globalization.CultureInfo.InvariantCulture) });
    }

    /// <summary>
    /// A consistent copy of the store at <paramref name="outPath"/> while it stays in use: checkpoint, copy the file and
    /// the write log with automatic checkpoints paused, fold the copied log into the copy, check the copy, then give it
    /// its name. Never overwrites a file.
    /// </summary>
    public StoreCheck.Report BackupTo(string outPath)
    {
        var target = new StoreFiles(outPath);
        if (File.Exists(target.Data))
        {
            throw new IOException($"{target.Data} already exists; a backup never replaces a file.");
        }

        Directory.CreateDirectory(target.Folder);
        var temp = target.Sibling($"partial-{Environment.ProcessId}");
        temp.DeleteIfPresent();
        try
        {
            CopyConsistent(temp);
            using (var copy = new LiteDatabase(new ConnectionString { Filename = temp.Data, Connection = ConnectionType.Direct }))
            {
                new StoreState(true, Environment.ProcessId, "backup", _options.Clock.GetUtcNow()).Write(copy);
                copy.Checkpoint();
            }

            temp.DropFoldedLog();

            var report = StoreCheck.Verify(temp);
            File.Move(temp.Data, target.Data, overwrite: false);
            return report;
        }
        finally
        {
            temp.DeleteIfPresent();
        }
    }

    private void CopyConsistent(StoreFiles temp)
    {
        lock (_backupGate)
        {
            var every = _db.CheckpointSize;
            _db.CheckpointSize = 0;
            try
            {
                _db.Checkpoint();
                CopyFile(_location, temp.Data);
                if (File.Exists(Files.Log))
                {
                    CopyFile(Files.Log, temp.Log);
                }
            }
            finally
            {
                _db.CheckpointSize = every;
            }
        }
    }

    private static void CopyFile(string from, string to)
    {
        using var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var target = new FileStream(to, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        source.CopyTo(target);
        target.Flush(flushToDisk: true);
    }
}
