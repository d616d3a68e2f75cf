using OversightBot.Core.Proactive;

namespace OversightBot.Core.Ports;

/// <summary>One send's outcome, for <see cref="IOutboxStore.RecordManyAsync"/>.</summary>
public sealed record OutboxOutcome(string Key, SendOutcome Outcome, string? Channel);

/// <summary>
/// The durable outbox. A row's key is written once, ever: adding an existing key changes nothing. Dispatchers
/// claim due rows with a lease; a claim whose lease ends unrecorded (the process died) is claimable again.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Adds the row unless its key exists (in any state). True when added.</summary>
    Task<bool> AddIfAbsentAsync(OutboxRow row, CancellationToken ct);

    /// <summary>Adds each row whose key is new; returns how many were added.</summary>
    Task<int> AddManyIfAbsentAsync(IReadOnlyCollection<OutboxRow> rows, CancellationToken ct);

    Task<bool> ExistsAsync(string key, CancellationToken ct);

    /// <summary>Which of <paramref name="keys"/> the outbox has (one read for many keys).</summary>
    Task<IReadOnlySet<string>> ExistingKeysAsync(IReadOnlyCollection<string> keys, CancellationToken ct);

    Task<OutboxRow?> GetOutboxRowAsync(string key, CancellationToken ct);

    /// <summary>
    /// Atomically claims up to <paramref name="max"/> active rows whose <see cref="OutboxRow.NextAt"/> is at or before
    /// <paramref name="now"/> (pending, failed, or in flight with an ended lease), earliest first, marking them in
    /// flight until <paramref name="now"/> + <paramref name="lease"/>.
    /// </summary>
    Task<IReadOnlyList<OutboxRow>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken ct);

    /// <summary>Records a send's outcome (see <see cref="OutboxTransitions.After"/>). False when the row is not in flight.</summary>
    Task<bool> RecordAsync(string key, SendOutcome outcome, string? channel, DateTimeOffset now, OutboxRetryPolicy retry, CancellationToken ct);

    /// <summary>Records many outcomes in one durable write (group commit); returns how many rows changed.</summary>
    Task<int> RecordManyAsync(IReadOnlyList<OutboxOutcome> outcomes, DateTimeOffset now, OutboxRetryPolicy retry, CancellationToken ct);

    /// <summary>Marks an active row as no longer applicable.</summary>
    Task<bool> CancelAsync(string key, string reason, DateTimeOffset now, CancellationToken ct);

    /// <summary>Rows in <paramref name="state"/> (all rows when null), earliest next time first.</summary>
    Task<IReadOnlyList<OutboxRow>> ByStateAsync(OutboxState? state, int skip, int take, CancellationToken ct);

    Task<IReadOnlyDictionary<OutboxState, int>> CountByStateAsync(CancellationToken ct);

    /// <summary>Puts a dead, failed, gone or cancelled row back to pending now, attempts reset. False if unknown or delivered.</summary>
    Task<bool> RetryAsync(string key, DateTimeOffset now, CancellationToken ct);

    /// <summary>Retries every dead row; returns how many.</summary>
    Task<int> RetryDeadAsync(DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Deletes up to <paramref name="max"/> rows that ended (delivered, recipient gone, cancelled) at or before
    /// <paramref name="endedBefore"/>, oldest first; returns how many. Dead rows (an admin's to retry) and active rows
    /// are kept. Callers choose a cut-off older than any slot a planner can still plan, so no key is planned again.
    /// </summary>
    Task<int> PruneAsync(DateTimeOffset endedBefore, int max, CancellationToken ct);

    /// <summary>
    /// Makes every in-flight row claimable now. Only for a store used by one process (the embedded store) at start-up,
    /// when any claim must belong to a process that died.
    /// </summary>
    Task<int> ReleaseInFlightAsync(DateTimeOffset now, CancellationToken ct);
}
