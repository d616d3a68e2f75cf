using System.Diagnostics;
using OversightBot.Core.Domain;

namespace OversightBot.Core.Proactive;

/// <summary>
/// One plan of [<see cref="From"/>, <see cref="Today"/>], done a step at a time: each step reads the open items due on
/// one candidate day, or the recurring items, the boards or the digest subscribers, and returns the new rows it planned.
/// An item has one due date, so it is planned by exactly one step and the rule "only the latest slot per item" holds
/// however the steps are spread. Every row of a run is stamped with the instant the run began (<see cref="Started"/>).
/// </summary>
public sealed class PlanRun
{
    private enum StepKind
    {
        DueDay,
        Recurring,
        Boards,
        Digests,
    }

    private readonly ProactivePlanner _planner;
    private readonly PeopleDirectory _directory;
    private readonly DateTimeOffset _dueAt;
    private readonly DateOnly? _unplannedFrom;
    private readonly bool _remember;
    private readonly List<(StepKind Kind, DateOnly Day)> _steps;
    private readonly SortedSet<string> _unreached = new(StringComparer.Ordinal);
    private int _next;
    private int _items;
    private int _considered;
    private int _new;
    private int _lookedUp;
    private TimeSpan _read;
    private TimeSpan _check;
    private TimeSpan _total;

    internal PlanRun(
        ProactivePlanner planner, PeopleDirectory directory, DateTimeOffset now, DateTimeOffset dueAt, DateOnly from, DateOnly today,
        DateOnly? unplannedFrom, bool remember, List<DateOnly> dueDays, TimeSpan beginning)
    {
        _planner = planner;
        _directory = directory;
        Started = now;
        _dueAt = dueAt;
        From = from;
        Today = today;
        _unplannedFrom = unplannedFrom;
        _remember = remember;
        _steps = [.. dueDays.Select(d => (StepKind.DueDay, d)), (StepKind.Recurring, default), (StepKind.Boards, default), (StepKind.Digests, default)];
        _total = beginning;
    }

    /// <summary>The instant the plan is for: rows are due at the send time of <see cref="Today"/>, or at this instant if later.</summary>
    public DateTimeOffset Started { get; }

    public DateOnly From { get; }

    public DateOnly Today { get; }

    public bool Finished => _next >= _steps.Count;

    /// <summary>Steps done so far, and in all.</summary>
    public int StepsDone => _next;

    public int StepCount => _steps.Count;

    public PlanStats Stats => new(_items, _considered, _new, _read, _check, _total - _read - _check, _lookedUp, _next, [.. _unreached]);

    /// <summary>
    /// Does the next step and returns its new rows. A step that throws (the store could not be read) is not counted
    /// as done: the next call does it again.
    /// </summary>
    public async Task<IReadOnlyList<OutboxRow>> StepAsync(CancellationToken ct)
    {
        if (Finished)
        {
            return [];
        }

        var started = Stopwatch.GetTimestamp();
        var (kind, day) = _steps[_next];
        var planned = new List<PlannedMessage>();
        var now = Started;
        var read = TimeSpan.Zero;
        var itemsRead = 0;
        switch (kind)
        {
            case StepKind.DueDay:
                var due = await _planner.DueOnAsync(day, ct);
                read = Stopwatch.GetElapsedTime(started);
                itemsRead = due.Count;
                foreach (var item in due)
                {
                    _planner.PlanItem(item, _directory, From, Today, now, _dueAt, planned, _unreached);
                }

                break;
            case StepKind.Recurring:
                var recurring = await _planner.Items.RecurringOpenAsync(ct);
                read = Stopwatch.GetElapsedTime(started);
                itemsRead = recurring.Count;
                foreach (var item in recurring.OrderBy(i => i.Id, StringComparer.Ordinal))
                {
                    _planner.PlanItem(item, _directory, From, Today, now, _dueAt, planned, _unreached);
                }

                break;
            case StepKind.Boards:
                await _planner.PlanBoardsAsync(_directory, From, Today, now, _dueAt, planned, ct);
                break;
            default:
                _planner.PlanDigests(_directory, Today, now, planned);
                break;
        }

        var (rows, lookedUp, checkTime) = await _planner.NewRowsAsync(planned, _unplannedFrom, _remember, ct);
        _next++;
        _items += itemsRead;
        _read += read;
        _considered += planned.Count;
        _new += rows.Count;
        _lookedUp += lookedUp;
        _check += checkTime;
        _total += Stopwatch.GetElapsedTime(started);
        if (Finished)
        {
            _planner.LastPlan = Stats;
        }

        return rows;
    }
}
