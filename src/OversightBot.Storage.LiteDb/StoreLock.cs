using System.Diagnostics;
using System.Text.Json;

namespace OversightBot.Storage.LiteDb;

/// <summary>
/// The exclusive OS lock one process holds on a store for as long as it has it open: the <c>.lock</c> file beside the
/// store opened with <see cref="FileShare.None"/> (an exclusive <c>flock</c> on Linux and macOS, a sharing lock on
/// Windows), released by the OS when the process ends, even by SIGKILL. Who holds it is written to <c>.owner</c>.
/// </summary>
public sealed class StoreLock : IDisposable
{
    /// <summary>The verb that owns the store for the whole life of its process; others wait for short-lived verbs only.</summary>
    public const string ServeVerb = "serve";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private readonly FileStream _handle;
    private int _released;

    private StoreLock(StoreFiles files, FileStream handle)
    {
        Files = files;
        _handle = handle;
    }

    public StoreFiles Files { get; }

    /// <summary>
    /// Takes the lock. A holder that is another <c>serve</c> is refused at once; a short-lived holder (a CLI verb)
    /// is waited for up to <paramref name="waitForShortHolder"/>.
    /// </summary>
    /// <exception cref="StoreInUseException">Another process holds the store.</exception>
    public static StoreLock Acquire(StoreFiles files, string verb, TimeSpan waitForShortHolder, TimeProvider clock)
    {
        Directory.CreateDirectory(files.Folder);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var handle = TryOpen(files.Lock);
            if (handle is not null)
            {
                var held = new StoreLock(files, handle);
                held.WriteOwner(new StoreHolder(Environment.ProcessId, verb, clock.GetUtcNow(), Environment.MachineName));
                return held;
            }

            var holder = ReadHolder(files);
            if (holder?.Verb == ServeVerb || waited.Elapsed >= waitForShortHolder)
            {
                throw new StoreInUseException(files.Data, holder);
            }

            Thread.Sleep(Poll);
        }
    }

    /// <summary>The holder recorded beside the store, or null when none is recorded or it cannot be read.</summary>
    public static StoreHolder? ReadHolder(StoreFiles files)
    {
        try
        {
            return JsonSerializer.Deserialize<StoreHolder>(File.ReadAllText(files.Owner));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static FileStream? TryOpen(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private void WriteOwner(StoreHolder holder)
    {
        var temp = Files.Owner + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(holder));
        File.Move(temp, Files.Owner, overwrite: true);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1)
        {
            return;
        }

        try
        {
            File.Delete(Files.Owner);
        }
        catch (IOException)
        {
        }

        _handle.Dispose();
    }
}
