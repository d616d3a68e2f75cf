using OversightBot.Core.Ports;
using OversightBot.Core.Time;

namespace OversightBot.Core.Proactive;

/// <summary>How much one scheduler tick may do before it gives the store back.</summary>
public sealed record ProactiveEngineOptions
{
    /// <summary>
    /// Planning and outbox writing stop once a tick has worked this long (measured on the engine's clock); the step or
    /// write in progress finishes, so a tick lasts about this plus one step. The rest waits for the next tick.
    /// </summary>
    public TimeSpan TickBudget { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Planning steps per tick at most (a step reads one due day, or the recurring items, boards or digests).</summary>
    public int MaxStepsPerTick { get; init; } = int.MaxValue;

    /// <summary>Rows per outbox write (one transaction) at most; fewer when the tick's budget has less room.</summary>
    public int MaxRowsPerWrite { get; init; } = 2_000;

    /// <summary>Planned rows are written once this many are waiting (or when planning has stopped for the tick).</summary>
    public int WriteWhenQueued { get; init; } = 500;

    /// <summary>
    /// Ended outbox rows (delivered, recipient gone, cancelled) are deleted once they ended this long ago; dead rows
    /// stay for an admin. Zero keeps everything. Must be longer than any catch-up, so a pruned key is never planned again.
    /// </summary>
    public TimeSpan KeepEnded { get; init; } = TimeSpan.FromDays(90);

    /// <summary>Ended rows deleted per tick at most (each day's pruning continues over ticks until none are left).</summary>
    public int PruneBatch { get; init; } = 500;

    /// <summary>Assumed cost of writing one outbox row until the first write has been measured.</summary>
    public TimeSpan InitialWriteCostPerRow { get; init; } = TimeSpan.FromMicroseconds(200);
}

/// <summary>A plan that finished: its window, figures, and how it was spread over ticks.</summary>
public sealed record PlanSummary(DateOnly From, DateOnly Today, PlanStats Stats, int Ticks, TimeSpan Work, TimeSpan LongestTick);

/// <summary>
/// One tick: <paramref name="Steps"/> planning steps made <paramref name="PlannedRows"/> new rows, <paramref name="Added"/>
/// rows were written to the outbox, in <paramref name="Work"/> (planning and writing; dispatching not included).
/// <paramref name="Busy"/>: a plan or rows remain for the next tick. <paramref name="Finished"/>: the plan that finished in this tick.
/// </summary>
/// <paramref name="Pruned"/>: ended rows deleted in this tick (see <see cref="ProactiveEngineOptions.KeepEnded"/>).
public sealed record TickReport(int Steps, int PlannedRows, int Added, DispatchReport Dispatch, TimeSpan Work, bool Busy, PlanSummary? Finished = null, int Pruned = 0);

/// <summary>
/// The scheduler's tick: plan (when the London day changed, or every <see cref="ReminderPolicy.ReplanEvery"/>), write
/// the planned rows to the outbox, then dispatch what is due. Non-working days plan nothing (slots move to working
/// days). The first plan after start looks back <see cref="ReminderPolicy.CatchUpDays"/> days.
/// <para>
/// A plan is a <see cref="PlanRun"/> of small steps, and a tick does steps and writes only until its
/// <see cref="ProactiveEngineOptions.TickBudget"/> is spent, so no tick holds the store for long however large the
/// plan (a Friday takes over the weekend's slots; the catch-up after a start reads three years of weekly overdue
/// days). Rows already due are written first. While work remains the engine reports <see cref="TickReport.Busy"/> and
/// the host ticks again soon. A plan still unfinished when the London day changes is dropped with its unwritten
/// rows, and the next plan covers its days again (so each item still gets only its latest slot). Rows planned but
/// not yet written when the process dies are planned again by the next start's catch-up: keys are deterministic.
/// </para>
/// </summary>
public sealed class ProactiveEngine(
    ProactivePlanner planner, IOutboxStore outbox, Dispatcher dispatcher, ReminderPolicy policy, TimeProvider clock, ProactiveEngineOptions? options = null)
{
    private readonly ProactiveEngineOptions _options = options ?? new ProactiveEngineOptions();
    private readonly List<(OutboxRow Row, int Run)> _unwritten = [];
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
    private DateOnly? _plannedThrough;
    private DateOnly? _begunThrough;
    private DateTimeOffset _lastPlan;
    private PlanRun? _run;
    private int _runId;
    private int _runTicks;
    private TimeSpan _runWork;
    private TimeSpan _runLongest;
    private TimeSpan? _writeCostPerRow;
    private DateOnly? _prunedOn;

    /// <summary>A plan is in progress or planned rows wait to be written.</summary>
    public bool Busy => _run is not null || _unwritten.Count > 0;

    /// <summary>Planned rows waiting to be written to the outbox.</summary>
    public int Unwritten => _unwritten.Count;

    public async Task<TickReport> TickAsync(CancellationToken ct)
    {
        var work = await WorkAsync(ct);
        var dispatched = await dispatcher.DispatchAsync(ct);
        return work with { Dispatch = dispatched };
    }

    /// <summary>The tick of an instance that does not plan (another holds the planner lease): dispatch only.</summary>
    public async Task<TickReport> DispatchOnlyAsync(CancellationToken ct) =>
        new(0, 0, 0, await dispatcher.DispatchAsync(ct), TimeSpan.Zero, Busy: false);

    /// <summary>The planning and writing half of a tick (no dispatch).</summary>
    public async Task<TickReport> WorkAsync(CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var today = London.DateOf(now);
        if (_run is { } unfinished && unfinished.Today != today)
        {
            DropRun();
        }

        if (_run is null && policy.IsSendDay(today) && (_plannedThrough != today || now - _lastPlan >= policy.ReplanEvery))
        {
            await BeginRunAsync(now, today, ct);
        }

        var (steps, planned, added, ops) = (0, 0, 0, 0);
        PlanSummary? finished = null;
        var hadRun = _run is not null;
        for (var room = _options.TickBudget; room > TimeSpan.Zero; room = _options.TickBudget - clock.GetElapsedTime(started), ops++)
        {
            var canStep = _run is not null && steps < _options.MaxStepsPerTick;
            if (_unwritten.Count >= _options.WriteWhenQueued || (!canStep && _unwritten.Count > 0))
            {
                // One transaction costs a commit (a durable write) plus a little per row: write a worthwhile number of
                // rows or leave them to the next tick, which starts with its whole budget.
                var rows = Math.Min(_unwritten.Count, RowsThatFit(room));
                if (ops > 0 && rows < Math.Min(_unwritten.Count, _options.WriteWhenQueued))
                {
                    break;
                }

                added += await WriteQueuedAsync(now, Math.Max(1, rows), ct);
            }
            else if (canStep && _run is { } run)
            {
                var rows = await run.StepAsync(ct);
                steps++;
                planned += rows.Count;
                foreach (var row in rows.Where(r => _queued.Add(r.Key)))
                {
                    _unwritten.Add((row, _runId));
                }

                if (run.Finished)
                {
                    finished = new PlanSummary(run.From, run.Today, run.Stats, 0, TimeSpan.Zero, TimeSpan.Zero);
                    _plannedThrough = run.Today;
                    _lastPlan = run.Started;
                    _run = null;
                }
            }
            else
            {
                break;
            }
        }

        var pruned = await PruneAsync(now, today, _options.TickBudget - clock.GetElapsedTime(started), ct);
        var took = clock.GetElapsedTime(started);
        if (hadRun)
        {
            _runTicks++;
            _runWork += took;
            _runLongest = took > _runLongest ? took : _runLongest;
            if (finished is not null)
            {
                finished = finished with { Ticks = _runTicks, Work = _runWork, LongestTick = _runLongest };
            }
        }

        return new TickReport(steps, planned, added, DispatchReport.Empty, took, Busy, finished, pruned);
    }

    /// <summary>
    /// Once a day, in what is left of ticks' budgets, deletes rows that ended more than <see cref="ProactiveEngineOptions.KeepEnded"/>
    /// ago, a batch per tick, until none are left; the outbox then holds about that many days of messages.
    /// </summary>
    private async Task<int> PruneAsync(DateTimeOffset now, DateOnly today, TimeSpan room, CancellationToken ct)
    {
        if (_prunedOn == today || _options.KeepEnded <= TimeSpan.Zero || room <= TimeSpan.Zero)
        {
            return 0;
        }

        var batch = Math.Min(_options.PruneBatch, RowsThatFit(room));
        if (batch < 1)
        {
            return 0;
        }

        var pruned = await outbox.PruneAsync(now - _options.KeepEnded, batch, ct);
        if (pruned < batch)
        {
            _prunedOn = today;
        }

        return pruned;
    }

    private async Task BeginRunAsync(DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var from = _plannedThrough is { } p ? (p.AddDays(1) < today ? p.AddDays(1) : today) : today.AddDays(1 - policy.CatchUpDays);
        // Rows for slots sent after the last day a plan was begun for in this process cannot be in the outbox (slots
        // are planned on or after their send day); before the first plan, anything may be there.
        DateOnly? unplannedFrom = _begunThrough is { } b ? b.AddDays(1) : null;
        _run = await planner.BeginAsync(now, from, unplannedFrom, ct);
        _runId++;
        _begunThrough = _begunThrough is { } seen && seen > today ? seen : today;
        (_runTicks, _runWork, _runLongest) = (0, TimeSpan.Zero, TimeSpan.Zero);
    }

    /// <summary>The day changed under an unfinished plan: drop it and its unwritten rows; the next plan covers its days.</summary>
    private void DropRun()
    {
        foreach (var (row, _) in _unwritten.Where(q => q.Run == _runId))
        {
            _queued.Remove(row.Key);
        }

        _unwritten.RemoveAll(q => q.Run == _runId);
        _run = null;
    }

    /// <summary>Rows one write can take in <paramref name="room"/>, by the measured cost of earlier writes.</summary>
    private int RowsThatFit(TimeSpan room)
    {
        var perRow = _writeCostPerRow ?? _options.InitialWriteCostPerRow;
        return perRow <= TimeSpan.Zero ? _options.MaxRowsPerWrite : (int)Math.Clamp(room / perRow, 0, _options.MaxRowsPerWrite);
    }

    /// <summary>Writes up to <paramref name="count"/> queued rows in one transaction, those already due first.</summary>
    private async Task<int> WriteQueuedAsync(DateTimeOffset now, int count, CancellationToken ct)
    {
        var order = _unwritten
            .Select((q, i) => (q, i))
            .OrderBy(x => x.q.Row.DueAt <= now ? 0 : 1).ThenBy(x => x.q.Row.DueAt).ThenBy(x => x.i)
            .Take(count)
            .ToList();
        var batch = order.Select(x => x.q.Row).ToList();
        var taken = order.Select(x => x.i).ToHashSet();
        var started = clock.GetTimestamp();
        // Not written (the store failed): the rows stay queued for the next tick (the planner will not plan their keys again today).
        var added = await outbox.AddManyIfAbsentAsync(batch, ct);
        var took = clock.GetElapsedTime(started);
        if (batch.Count >= _options.WriteWhenQueued / 2)
        {
            // Per row, commit included; small writes (the tail of a plan) would overstate it.
            var measured = took / batch.Count;
            _writeCostPerRow = _writeCostPerRow is { } previous ? (previous + measured) / 2 : measured;
        }

        var kept = _unwritten.Where((_, i) => !taken.Contains(i)).ToList();
        _unwritten.Clear();
        _unwritten.AddRange(kept);
        _queued.ExceptWith(batch.Select(r => r.Key));
        return added;
    }
}
