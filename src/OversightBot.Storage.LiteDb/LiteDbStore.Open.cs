using LiteDB;

namespace OversightBot.Storage.LiteDb;

/// <summary>
/// Opening a store: take the lock, then either create a new file (filled and closed under a temporary name, then
/// renamed, so a half-made store never carries the real name) or check the existing one read-only before LiteDB
/// may write to it. A file that fails the check is refused untouched.
/// </summary>
public sealed partial class LiteDbStore
{
    private readonly StoreLock? _lock;
    private readonly StoreOpenOptions _options;
    private int _disposed;

    private sealed record Prepared(StoreFiles Files, StoreLock Lock, StoreOpenOptions Options, bool Created);

    private LiteDbStore(Prepared prepared)
        : this(prepared.Files.Data, prepared.Lock, prepared.Options) => Created = prepared.Created;

    private LiteDbStore(string fullPath, StoreLock? owner, StoreOpenOptions options)
    {
        _location = fullPath;
        _lock = owner;
        _options = options;
        _db = new LiteDatabase(new DurableEngine(fullPath), StoreMapper.Create(), disposeOnClose: true);
        try
        {
            SchemaMigrations.Apply(_db);
            new StoreState(false, Environment.ProcessId, options.Owner, options.Clock.GetUtcNow()).Write(_db);
            _db.Checkpoint();
        }
        catch
        {
            _db.Dispose();
            owner?.Dispose();
            throw;
        }
    }

    /// <summary>True when this object created the file (it did not exist when the store was opened).</summary>
    public bool Created { get; }

    public StoreFiles Files => new(_location);

    /// <summary>Opens the store at <paramref name="path"/>, creating and filling it (<see cref="StoreOpenOptions.Initialize"/>) when there is no file.</summary>
    /// <exception cref="StoreInUseException">Another process owns the file.</exception>
    /// <exception cref="StoreRefusedException">The file cannot be used as it is; it was not changed.</exception>
    public static async Task<LiteDbStore> OpenAsync(string path, StoreOpenOptions options, CancellationToken ct)
    {
        var files = new StoreFiles(path);
        var held = StoreLock.Acquire(files, options.Owner, options.LockWait, options.Clock);
        try
        {
            var created = !File.Exists(files.Data);
            if (created)
            {
                await CreateAsync(files, options, ct);
            }

            return OpenChecked(new Prepared(files, held, options, created));
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    private static Prepared Prepare(string path, StoreOpenOptions options)
    {
        var files = new StoreFiles(path);
        var held = StoreLock.Acquire(files, options.Owner, options.LockWait, options.Clock);
        try
        {
            var created = !File.Exists(files.Data);
            if (created)
            {
                CreateAsync(files, options with { Initialize = null }, CancellationToken.None).GetAwaiter().GetResult();
            }

            StoreCheck.Verify(files);
            return new Prepared(files, held, options, created);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    private static LiteDbStore OpenChecked(Prepared prepared)
    {
        StoreCheck.Verify(prepared.Files);
        try
        {
            return new LiteDbStore(prepared);
        }
        catch (LiteException ex)
        {
            throw new StoreRefusedException(prepared.Files.Data, $"it cannot be opened ({ex.Message}).");
        }
    }

    /// <summary>Makes a new store under a temporary name, fills it, closes it cleanly, then gives it the real name.</summary>
    private static async Task CreateAsync(StoreFiles files, StoreOpenOptions options, CancellationToken ct)
    {
        if (File.Exists(files.Log))
        {
            throw new StoreRefusedException(files.Data, $"the file is missing but its write log {files.Log} is there.");
        }

        var temp = files.Sibling("new");
        temp.DeleteIfPresent();
        using (var fresh = new LiteDbStore(temp.Data, null, options))
        {
            if (options.Initialize is { } initialize)
            {
                await initialize(fresh, ct);
            }
        }

        using (var written = new FileStream(temp.Data, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            written.Flush(flushToDisk: true);
        }

        File.Move(temp.Data, files.Data, overwrite: false);
    }

    /// <summary>Records a clean close, lets LiteDB fold the write log into the file, then releases the lock.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            new StoreState(true, Environment.ProcessId, _options.Owner, _options.Clock.GetUtcNow()).Write(_db);
            _db.Checkpoint();
            _db.Dispose();
        }
        finally
        {
            _lock?.Dispose();
        }
    }
}
