using OversightBot.Core.Ports;
using OversightBot.Core.Time;

namespace OversightBot.Core.Proactive;

public sealed record TickReport(bool Planned, int PlannedRows, int Added, DispatchReport Dispatch, TimeSpan PlanTime);

/// <summary>
/// One scheduler tick: plan (when the London day changed, or every <see cref="ReminderPolicy.ReplanEvery"/>) and
/// add the rows to the outbox, then dispatch what is due. Non-working days plan nothing (slots move to working days).
/// The first plan after start looks back <see cref="ReminderPolicy.CatchUpDays"/> days.
/// </summary>
public sealed class ProactiveEngine(ProactivePlanner planner, IOutboxStore outbox, Dispatcher dispatcher, ReminderPolicy policy, TimeProvider clock)
{
    private DateOnly? _plannedThrough;
    private DateTimeOffset _lastPlan;

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
            return (false, 0, 0, TimeSpan.Zero);
        }

        var from = _plannedThrough is { } p ? (p.AddDays(1) < today ? p.AddDays(1) : today) : today.AddDays(1 - policy.CatchUpDays);
        var started = clock.GetTimestamp();
        var rows = await planner.PlanAsync(now, from, ct);
        var added = rows.Count == 0 ? 0 : await outbox.AddManyIfAbsentAsync(rows, ct);
        _plannedThrough = today;
        _lastPlan = now;
        return (true, rows.Count, added, clock.GetElapsedTime(started));
    }
}
