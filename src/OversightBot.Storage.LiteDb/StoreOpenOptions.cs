namespace OversightBot.Storage.LiteDb;

/// <summary>How a process opens a store: who it is, how long it waits for a short-lived holder, what fills a new file.</summary>
public sealed record StoreOpenOptions
{
    public static StoreOpenOptions Default { get; } = new();

    /// <summary>The verb that opens the store (recorded beside it while it is held; <c>serve</c> is never waited for).</summary>
    public string Owner { get; init; } = "tool";

    /// <summary>How long to wait while a short-lived verb (not <c>serve</c>) holds the store.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(30);

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Fills a store this process is creating (the demo data), before the new file takes its name; never called for a
    /// file that already exists.
    /// </summary>
    public Func<LiteDbStore, CancellationToken, Task>? Initialize { get; init; }
}
