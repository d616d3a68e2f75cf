using OversightBot.Core.Ports;

namespace OversightBot.Core.Proactive;

/// <summary>An outbox in memory: for <c>simulate</c> (which must not touch the real outbox) and for tests.</summary>
public sealed class InMemoryOutboxStore : IOutboxStore
{
    private readonly Dictionary<string, OutboxRow> _rows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<bool> AddIfAbsentAsync(OutboxRow row, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.TryAdd(row.Key, row));
        }
    }

    public Task<int> AddManyIfAbsentAsync(IReadOnlyCollection<OutboxRow> rows, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(rows.Count(r => _rows.TryAdd(r.Key, r)));
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.ContainsKey(key));
        }
    }

    public Task<IReadOnlySet<string>> ExistingKeysAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlySet<string>>(keys.Where(_rows.ContainsKey).ToHashSet(StringComparer.Ordinal));
        }
    }

    public Task<OutboxRow?> GetOutboxRowAsync(string key, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.GetValueOrDefault(key));
        }
    }

    public Task<IReadOnlyList<OutboxRow>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken ct)
    {
        lock (_lock)
        {
            var due = _rows.Values.Where(r => r.IsActive && r.NextAt <= now)
                .OrderBy(r => r.NextAt).ThenBy(r => r.Key, StringComparer.Ordinal).Take(max)
                .Select(r => OutboxTransitions.Claimed(r, now, lease)).ToList();
            foreach (var r in due)
            {
                _rows[r.Key] = r;
            }

            return Task.FromResult<IReadOnlyList<OutboxRow>>(due);
        }
    }

    public Task<bool> RecordAsync(string key, SendOutcome outcome, string? channel, DateTimeOffset now, OutboxRetryPolicy retry, CancellationToken ct) =>
        Update(key, r => r.State == OutboxState.InFlight ? OutboxTransitions.After(r, outcome, channel, now, retry) : null);

    public async Task<int> RecordManyAsync(IReadOnlyList<OutboxOutcome> outcomes, DateTimeOffset now, OutboxRetryPolicy retry, CancellationToken ct)
    {
        var changed = 0;
        foreach (var o in outcomes)
        {
            changed += await RecordAsync(o.Key, o.Outcome, o.Channel, now, retry, ct) ? 1 : 0;
        }

        return changed;
    }

    public Task<bool> CancelAsync(string key, string reason, DateTimeOffset now, CancellationToken ct) =>
        Update(key, r => r.IsActive ? OutboxTransitions.Cancelled(r, reason, now) : null);

    public Task<IReadOnlyList<OutboxRow>> ByStateAsync(OutboxState? state, int skip, int take, CancellationToken ct)
    {
        lock (_lock)
        {
            IReadOnlyList<OutboxRow> list = _rows.Values.Where(r => state is null || r.State == state)
                .OrderBy(r => r.NextAt).ThenBy(r => r.Key, StringComparer.Ordinal).Skip(skip).Take(take).ToList();
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyDictionary<OutboxState, int>> CountByStateAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            IReadOnlyDictionary<OutboxState, int> counts = _rows.Values.GroupBy(r => r.State).ToDictionary(g => g.Key, g => g.Count());
            return Task.FromResult(counts);
        }
    }

    public Task<bool> RetryAsync(string key, DateTimeOffset now, CancellationToken ct) =>
        Update(key, r => r.State is OutboxState.Dead or OutboxState.Failed or OutboxState.Gone or OutboxState.Cancelled
            ? OutboxTransitions.Retried(r, now)
            : null);

    public Task<int> RetryDeadAsync(DateTimeOffset now, CancellationToken ct) => ResetAll(OutboxState.Dead, now);

    public Task<int> ReleaseInFlightAsync(DateTimeOffset now, CancellationToken ct) => ResetAll(OutboxState.InFlight, now);

    private Task<int> ResetAll(OutboxState state, DateTimeOffset now)
    {
        lock (_lock)
        {
            var keys = _rows.Values.Where(r => r.State == state).Select(r => r.Key).ToList();
            foreach (var k in keys)
            {
                _rows[k] = state == OutboxState.InFlight ? _rows[k] with { NextAt = now } : OutboxTransitions.Retried(_rows[k], now);
            }

            return Task.FromResult(keys.Count);
        }
    }

    private Task<bool> Update(string key, Func<OutboxRow, OutboxRow?> change)
    {
        lock (_lock)
        {
            if (_rows.TryGetValue(key, out var row) && change(row) is { } next)
            {
                _rows[key] = next;
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }
    }

    public Task<int> PruneAsync(DateTimeOffset endedBefore, int max, CancellationToken ct)
    {
        lock (_lock)
        {
            var ended = _rows.Values
                .Where(r => r.State is OutboxState.Delivered or OutboxState.Gone or OutboxState.Cancelled && r.DoneAt is { } done && done <= endedBefore)
                .OrderBy(r => r.DoneAt)
                .Take(Math.Max(0, max))
                .ToList();
            foreach (var row in ended)
            {
                _rows.Remove(row.Key);
            }

            return Task.FromResult(ended.Count);
        }
    }
}
