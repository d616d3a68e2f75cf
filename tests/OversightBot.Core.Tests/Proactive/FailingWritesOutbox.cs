using OversightBot.Core.Ports;
using OversightBot.Core.Proactive;

namespace OversightBot.Core.Tests.Proactive;

/// <summary>An outbox whose next <paramref name="failures"/> bulk writes fail (a full disk, a locked file), then work.</summary>
internal sealed class FailingWritesOutbox(IOutboxStore inner, int failures) : IOutboxStore
{
    private int _failuresLeft = failures;

    public int FailedWrites { get; private set; }

    public Task<int> AddManyIfAbsentAsync(IReadOnlyCollection<OutboxRow> rows, CancellationToken ct)
    {
        if (rows.Count > 0 && _failuresLeft > 0)
        {
            _failuresLeft--;
            FailedWrites++;
            throw new IOException("The outbox could not be written.");
        }

        return inner.AddManyIfAbsentAsync(rows, ct);
    }

    public Task<bool> AddIfAbsentAsync(OutboxRow row, CancellationToken ct) => inner.AddIfAbsentAsync(row, ct);
    public Task<bool> ExistsAsync(string key, CancellationToken ct) => inner.ExistsAsync(key, ct);
    public Task<IReadOnlySet<string>> ExistingKeysAsync(IReadOnlyCollection<string> keys, CancellationToken ct) => inner.ExistingKeysAsync(keys, ct);
    public Task<OutboxRow?> GetOutboxRowAsync(string key, CancellationToken ct) => inner.GetOutboxRowAsync(key, ct);
    public Task<int> PruneAsync(DateTimeOffset endedBefore, int max, CancellationToken ct) => inner.PruneAsync(endedBefore, max, ct);
    public Task<IReadOnlyList<OutboxRow>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken ct) => inner.ClaimDueAsync(now, lease, max, ct);
    public Task<bool> RecordAsync(string key, SendOutcome outcome, string? channel, DateTimeOffset now, OutboxRetryPolicy retry, CancellationToken ct) => inner.RecordAsync(key, outcome, channel, now, retry, ct);
    public Task<int> RecordManyAsync(IReadOnlyList<OutboxOutcome> outcomes, DateTimeOffset now, OutboxRetryPolicy retry, CancellationToken ct) => inner.RecordManyAsync(outcomes, now, retry, ct);
    public Task<bool> CancelAsync(string key, string reason, DateTimeOffset now, CancellationToken ct) => inner.CancelAsync(key, reason, now, ct);
    public Task<IReadOnlyList<OutboxRow>> ByStateAsync(OutboxState? state, int skip, int take, CancellationToken ct) => inner.ByStateAsync(state, skip, take, ct);
    public Task<IReadOnlyDictionary<OutboxState, int>> CountByStateAsync(CancellationToken ct) => inner.CountByStateAsync(ct);
    public Task<bool> RetryAsync(string key, DateTimeOffset now, CancellationToken ct) => inner.RetryAsync(key, now, ct);
    public Task<int> RetryDeadAsync(DateTimeOffset now, CancellationToken ct) => inner.RetryDeadAsync(now, ct);
    public Task<int> ReleaseInFlightAsync(DateTimeOffset now, CancellationToken ct) => inner.ReleaseInFlightAsync(now, ct);
}
