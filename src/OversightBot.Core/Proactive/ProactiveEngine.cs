using OversightBot.Core.Ports;
using OversightBot.Core.Time;

namespace OversightBot.Core.Proactive;

public sealed record TickReport(bool Planned, int PlannedRows, int Added, DispatchReport Dispatch, TimeSpan PlanTime);

/// <summary>
/// One scheduler tick: plan (when the London day changed, or every <see cref="ReminderPolicy.ReplanEvery"/>) and
/// add the rows to the outbox, then dispatch what is due. Non-working days plan nothing (slots move to working days).
/// The first plan after start looks back <see cref="ReminderPolicy.CatchUpDays"/> days. Planned rows that are not
/// due yet are written at most <see cref="WritesPerTick"/> a tick (the first plan of a day, at midnight, makes
/// ~5,000 rows for 09:00; writing them costs ~90 µs each in LiteDB), and a tick that plans writes only rows
/// already due, so no tick holds the store for long. A row
/// left unwritten by a crash is planned again by the next start's catch-up (its key is deterministic).
/// </summary>
public sealed class ProactiveEngine(ProactivePlanner planner, IOutboxStore outbox, Dispatcher dispatcher, ReminderPolicy policy, TimeProvider clock)
{
    /// <summary>Rows not yet due written per (non-planning) tick at most; rows already due are written at once.</summary>
    public const int WritesPerTick = 1_500;

    private DateOnly? _plannedThrough;
    private DateTimeOffset _lastPlan;
    private readonly Queue<OutboxRow> _unwritten = new();
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);

    public async Task<TickReport> TickAsync(CancellationToken ct)
    {
        var (planned, rows, added, took) = await PlanIfDueAsync(ct);
        var dispatched = await dispatcher.DispatchAsync(ct);
        return new TickReport(planned, rows, added, dispatched, took);
    }

    public async Task<(bool Planned, int Rows, int Added, TimeSpan Took)> PlanIfDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = London.DateOf(now);
        if (!policy.IsSendDay(today) || (_plannedThrough == today && now - _lastPlan < policy.ReplanEvery))
        {
            return (false, 0, await WriteQueuedAsync(now, WritesPerTick, ct), TimeSpan.Zero);
        }

        var from = _plannedThrough is { } p ? (p.AddDays(1) < today ? p.AddDays(1) : today) : today.AddDays(1 - policy.CatchUpDays);
        var started = clock.GetTimestamp();
        var rows = await planner.PlanAsync(now, from, ct);
        foreach (var row in rows.Where(r => _queued.Add(r.Key)))
        {
            _unwritten.Enqueue(row);
        }

        // A tick that planned writes only what is due already; the rest goes in the following ticks.
        var added = await WriteQueuedAsync(now, 0, ct);
        _plannedThrough = today;
        _lastPlan = now;
        return (true, rows.Count, added, clock.GetElapsedTime(started));
    }

    /// <summary>Writes the queued rows already due, and up to <paramref name="notDueLimit"/> of the others.</summary>
    private async Task<int> WriteQueuedAsync(DateTimeOffset now, int notDueLimit, CancellationToken ct)
    {
        if (_unwritten.Count == 0)
        {
            return 0;
        }

        var batch = new List<OutboxRow>();
        var later = new List<OutboxRow>();
        var notDue = 0;
        while (_unwritten.TryDequeue(out var row))
        {
            if (row.DueAt <= now || notDue++ < notDueLimit)
            {
                batch.Add(row);
            }
            else
            {
                later.Add(row);
            }
        }

        foreach (var row in later)
        {
            _unwritten.Enqueue(row);
        }

        int added;
        try
        {
            added = await outbox.AddManyIfAbsentAsync(batch, ct);
        }
        catch
        {
            // Not written: keep the rows for the next tick (the planner will not plan their keys again today).
            foreach (var row in batch)
            {
                _unwritten.Enqueue(row);
            }

            throw;
        }

        _queued.ExceptWith(batch.Select(r => r.Key));
        return added;
    }
}
