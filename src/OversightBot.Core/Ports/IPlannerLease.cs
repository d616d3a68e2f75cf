namespace OversightBot.Core.Ports;

/// <summary>
/// Which instance plans. Every instance sharing a store dispatches; only the holder of the planner lease plans (reads
/// the tracker and writes outbox rows), so a plan is made once however many instances run. An instance alone with its
/// store (the embedded file) always holds it.
/// </summary>
public interface IPlannerLease
{
    /// <summary>True while this instance holds the lease (as of its last <see cref="HoldAsync"/>).</summary>
    bool IsPlanner { get; }

    /// <summary>True when other instances may use the same store at once (claims in flight may be theirs).</summary>
    bool Shared { get; }

    /// <summary>Takes or keeps the lease; false when another live instance holds it.</summary>
    Task<bool> HoldAsync(CancellationToken ct);
}

/// <summary>The lease of an instance that is alone with its store: always the planner.</summary>
public sealed class SoleInstanceLease : IPlannerLease
{
    public bool IsPlanner => true;

    public bool Shared => false;

    public Task<bool> HoldAsync(CancellationToken ct) => Task.FromResult(true);
}
