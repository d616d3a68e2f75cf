using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using OversightBot.Core.Time;

namespace OversightBot.Core.Proactive;

/// <summary>
/// Figures of a plan: items read, messages considered, new rows, keys looked up in the outbox, steps; time reading
/// items, time looking keys up, time for the rest (slot arithmetic, building rows).
/// </summary>
/// <summary>
/// A plan's figures. <paramref name="Unreached"/>: ids of open items that were due a nudge but whose owner matches no
/// person and no team with members, so nobody was nudged (admins should fix the owner or the people).
/// </summary>
public sealed record PlanStats(
    int Items, int Considered, int New, TimeSpan ReadItems, TimeSpan CheckKeys, TimeSpan Rest, int LookedUp = 0, int Steps = 0,
    IReadOnlyList<string>? Unreached = null);

/// <summary>
/// Turns (now, the store, preferences) into outbox rows. Deterministic: the same inputs give the same keys, so
/// planning again never adds a second row. Considers the slots whose send day is in [from, today] and keeps only
/// the latest per item and recipient (catch-up after downtime sends one nudge, not a burst). Reads items through
/// indexed date-range queries only, one due day per query. A plan is a <see cref="PlanRun"/> of small steps, so the
/// scheduler can spread a large one (a Friday, a catch-up after a start) over several ticks.
/// </summary>
public sealed class ProactivePlanner(
    IItemStore items, IBoardStore boards, IPersonStore people, IDigestComposer digests, IOutboxStore outbox, ReminderPolicy policy)
{
    private const int PageSize = 5_000;

    /// <summary>
    /// Keys of today's slots known to be in the outbox (found there, or returned by a run whose rows the caller writes),
    /// so re-plans the same day skip the look-up. A key names its slot's send day and a run of today plans today's
    /// slots, so the set is emptied when the day changes: it holds about one day's keys, not every key ever seen.
    /// </summary>
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private DateOnly _knownDay;

    /// <summary>Figures of the last plan that finished.</summary>
    public PlanStats? LastPlan { get; internal set; }

    internal IItemStore Items => items;

    internal ReminderPolicy Policy => policy;

    /// <summary>Plans [from, today] in one go; every key is looked up in the outbox (nothing is assumed about it).</summary>
    public async Task<IReadOnlyList<OutboxRow>> PlanAsync(DateTimeOffset now, DateOnly from, CancellationToken ct)
    {
        var run = await BeginAsync(now, from, unplannedFrom: null, remember: false, ct);
        var rows = new List<OutboxRow>();
        while (!run.Finished)
        {
            rows.AddRange(await run.StepAsync(ct));
        }

        return rows;
    }

    /// <summary>
    /// Starts a plan of [from, today] to be done a step at a time (<see cref="PlanRun.StepAsync"/>). The caller must
    /// write every row the run returns (the keys are remembered as in the outbox for the rest of the London day), or
    /// else begin a run for a later day that plans those days again. With <paramref name="unplannedFrom"/> the caller
    /// promises that the outbox holds no row for a slot sent on or after that day other than rows returned by this
    /// planner; such keys are then not looked up (a key written anyway is still refused by the outbox, which adds a
    /// key only once). Null looks every key up, as after a start.
    /// </summary>
    public Task<PlanRun> BeginAsync(DateTimeOffset now, DateOnly from, DateOnly? unplannedFrom, CancellationToken ct) =>
        BeginAsync(now, from, unplannedFrom, remember: true, ct);

    private async Task<PlanRun> BeginAsync(DateTimeOffset now, DateOnly from, DateOnly? unplannedFrom, bool remember, CancellationToken ct)
    {
        var today = London.DateOf(now);
        if (from > today)
        {
            from = today;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var directory = new PeopleDirectory(await people.PeopleAsync(ct));
        var dueAt = policy.InWindow(today, policy.SendAt);
        if (dueAt < now)
        {
            dueAt = now;
        }

        lock (_known)
        {
            if (_knownDay != today)
            {
                _known.Clear();
                _known.TrimExcess();
                _knownDay = today;
            }
        }

        var days = await CandidateDaysAsync(directory, from, today, ct);
        return new PlanRun(this, directory, now, dueAt, from, today, unplannedFrom, remember, days, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The due days of open items that can have a slot in [from, today].</summary>
    private async Task<List<DateOnly>> CandidateDaysAsync(PeopleDirectory directory, DateOnly from, DateOnly today, CancellationToken ct)
    {
        var ranges = new List<(DateOnly From, DateOnly To)>();
        var lastTarget = policy.LastTargetSentBy(today);
        var offsets = directory.All.SelectMany(p => policy.OffsetsFor(p)).Concat(policy.OffsetsDays).Where(o => o >= 0).Distinct();
        foreach (var o in offsets)
        {
            ranges.Add((from.AddDays(o), lastTarget.AddDays(o)));
        }

        var oldest = (await items.OverdueAsync(today, 0, 1, ct)).Items is [var head, ..] ? head.Due : null;
        if (oldest is { } first)
        {
            AddPeriodic(ranges, first, policy.OverdueEveryDays, policy.OverdueEveryDays, from, lastTarget);
            AddPeriodic(ranges, first, policy.EscalateAfterDaysOverdue, policy.EscalateEveryDays, from, lastTarget);
        }

        return [.. Merge(ranges).SelectMany(r => Days(r.From, r.To))];
    }

    /// <summary>
    /// Open non-recurring items due on <paramref name="day"/> (recurring ones have their own step). One day per query:
    /// a query pins every page it touches until it ends (LiteDB's page cache then grows to the largest query and never
    /// shrinks), and skipping into a wide range walks its index again per page.
    /// </summary>
    internal async Task<List<TrackedItem>> DueOnAsync(DateOnly day, CancellationToken ct)
    {
        var found = new List<TrackedItem>();
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await items.DueBetweenAsync(day, day, true, skip, PageSize, ct);
            found.AddRange(page.Items.Where(i => i.Recurrence == Recurrence.None));
            if (skip + PageSize >= page.Total)
            {
                return found;
            }
        }
    }

    internal Task PlanBoardsAsync(PeopleDirectory directory, DateOnly from, DateOnly today, DateTimeOffset now, DateTimeOffset dueAt, List<PlannedMessage> planned, CancellationToken ct) =>
        new BoardPlanner(boards, policy).PlanAsync(directory, from, today, now, dueAt, planned, ct);

    internal void PlanDigests(PeopleDirectory directory, DateOnly today, DateTimeOffset now, List<PlannedMessage> planned) =>
        new DigestPlanner(digests, policy).Plan(directory, today, now, planned);

    /// <summary>
    /// Builds the rows whose keys are new: keys known today are skipped, keys of slots sent before
    /// <paramref name="unplannedFrom"/> (all, when null) are looked up in the outbox in one batch.
    /// </summary>
    internal async Task<(IReadOnlyList<OutboxRow> Rows, int LookedUp, TimeSpan CheckTime)> NewRowsAsync(
        List<PlannedMessage> planned, DateOnly? unplannedFrom, bool remember, CancellationToken ct)
    {
        List<PlannedMessage> unknown;
        lock (_known)
        {
            unknown = [.. planned.Where(p => !_known.Contains(p.Key)).DistinctBy(p => p.Key, StringComparer.Ordinal)];
        }

        var toLookUp = unknown.Where(p => unplannedFrom is not { } u || p.SendDay < u).Select(p => p.Key).ToList();
        var checking = System.Diagnostics.Stopwatch.GetTimestamp();
        IReadOnlySet<string> existing = toLookUp.Count == 0 ? new HashSet<string>() : await outbox.ExistingKeysAsync(toLookUp, ct);
        var checkTime = System.Diagnostics.Stopwatch.GetElapsedTime(checking);
        var rows = new List<OutboxRow>();
        foreach (var p in unknown.Where(p => !existing.Contains(p.Key)))
        {
            rows.Add(await p.BuildAsync(ct));
        }

        lock (_known)
        {
            _known.UnionWith(existing);
            if (remember)
            {
                _known.UnionWith(rows.Select(r => r.Key));
            }
        }

        return (rows, toLookUp.Count, checkTime);
    }

    internal void PlanItem(
        TrackedItem item, PeopleDirectory directory, DateOnly from, DateOnly today, DateTimeOffset now, DateTimeOffset dueAt, List<PlannedMessage> planned,
        ISet<string>? unreached = null)
    {
        if (!item.IsOpen || item.SnoozedUntil is { } snoozed && snoozed > today)
        {
            return;
        }

        var owners = directory.OwnersOf(item.Owner);
        if (owners.Count == 0 && unreached is not null && NudgeSlots.LatestOwnerSlot(item, policy.OffsetsDays, from, today, policy) is not null)
        {
            unreached.Add(item.Id);
        }

        foreach (var owner in owners)
        {
            if (NudgeSlots.LatestOwnerSlot(item, policy.OffsetsFor(owner), from, today, policy) is { } slot)
            {
                var key = $"{slot.Key}:{owner.Email}";
                planned.Add(PlannedMessage.Of(key, slot.SendDay, () => OutboxRow.New(key, "nudge", owner.Email, dueAt, NudgeMessages.Nudge(item, slot.Due, today, owner), now)
                    with { ItemId = item.Id, ItemDue = slot.Due }));
            }
        }

        if (NudgeSlots.LatestEscalation(item, from, today, policy) is { } esc)
        {
            foreach (var manager in directory.ManagersOf(item.Owner))
            {
                var key = $"{esc.Key}:{manager.Email}";
                planned.Add(PlannedMessage.Of(key, esc.SendDay, () => OutboxRow.New(key, "escalation", manager.Email, dueAt, NudgeMessages.Escalation(item, esc.Due, today, manager), now)
                    with { ItemId = item.Id, ItemDue = esc.Due }));
            }
        }
    }

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            yield return d;
        }
    }

    /// <summary>Due dates d with a target d + first + every×k whose send day can fall in [from, today].</summary>
    private static void AddPeriodic(List<(DateOnly, DateOnly)> ranges, DateOnly oldest, int first, int every, DateOnly from, DateOnly lastTarget)
    {
        if (every <= 0)
        {
            return;
        }

        for (var k = 0; ; k++)
        {
            var shift = first + (every * k);
            var hi = lastTarget.AddDays(-shift);
            if (hi < oldest)
            {
                return;
            }

            ranges.Add((from.AddDays(-shift), hi));
        }
    }

    private static IEnumerable<(DateOnly From, DateOnly To)> Merge(List<(DateOnly From, DateOnly To)> ranges)
    {
        (DateOnly From, DateOnly To)? current = null;
        foreach (var r in ranges.OrderBy(r => r.From))
        {
            if (current is { } c && r.From <= c.To.AddDays(1))
            {
                current = (c.From, r.To > c.To ? r.To : c.To);
            }
            else
            {
                if (current is { } done)
                {
                    yield return done;
                }

                current = r;
            }
        }

        if (current is { } last)
        {
            yield return last;
        }
    }
}
