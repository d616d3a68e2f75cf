using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using OversightBot.Core.Time;

namespace OversightBot.Core.Proactive;

public sealed record PlanStats(int Items, int Considered, int New, TimeSpan ReadItems, TimeSpan CheckKeys, TimeSpan Rest);

/// <summary>
/// Turns (now, the store, preferences) into outbox rows. Deterministic: the same inputs give the same keys, so
/// planning again never adds a second row. Considers the slots whose send day is in [from, today] and keeps only
/// the latest per item and recipient (catch-up after downtime sends one nudge, not a burst). Reads items through
/// indexed date-range queries only.
/// </summary>
public sealed class ProactivePlanner(
    IItemStore items, IBoardStore boards, IPersonStore people, IDigestComposer digests, IOutboxStore outbox, ReminderPolicy policy)
{
    private const int PageSize = 5_000;

    /// <summary>Figures of the last plan: items read, messages considered, new rows; time reading items, time for the rest.</summary>
    public PlanStats? LastPlan { get; private set; }

    private TimeSpan _checkTime;

    /// <summary>
    /// Keys of today's slots found in the outbox, so re-plans the same day skip the look-up. A key names its slot's
    /// send day, and a plan from today considers only today's slots, so the set is emptied when the day changes:
    /// it holds one day's keys, not every key ever seen.
    /// </summary>
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private DateOnly _knownDay;

    public async Task<IReadOnlyList<OutboxRow>> PlanAsync(DateTimeOffset now, DateOnly from, CancellationToken ct)
    {
        var today = London.DateOf(now);
        if (from > today)
        {
            from = today;
        }

        var directory = new PeopleDirectory(await people.PeopleAsync(ct));
        var dueAt = policy.InWindow(today, policy.SendAt);
        if (dueAt < now)
        {
            dueAt = now;
        }

        var planned = new List<PlannedMessage>();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var candidates = await CandidatesAsync(directory, from, today, ct);
        var read = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        foreach (var item in candidates)
        {
            PlanItem(item, directory, from, today, now, dueAt, planned);
        }

        await new BoardPlanner(boards, policy).PlanAsync(directory, from, today, now, dueAt, planned, ct);
        new DigestPlanner(digests, policy).Plan(directory, today, now, planned);
        lock (_known)
        {
            if (_knownDay != today)
            {
                _known.Clear();
                _known.TrimExcess();
                _knownDay = today;
            }
        }

        var rows = await NewRowsAsync(planned, ct);
        LastPlan = new PlanStats(candidates.Count, planned.Count, rows.Count, read, _checkTime, System.Diagnostics.Stopwatch.GetElapsedTime(started) - read - _checkTime);
        return rows;
    }

    /// <summary>Builds the rows whose keys the outbox does not have (one batched look-up; keys seen once are remembered).</summary>
    private async Task<IReadOnlyList<OutboxRow>> NewRowsAsync(List<PlannedMessage> planned, CancellationToken ct)
    {
        HashSet<string> unknown;
        lock (_known)
        {
            unknown = planned.Select(p => p.Key).Where(k => !_known.Contains(k)).ToHashSet(StringComparer.Ordinal);
        }

        var checking = System.Diagnostics.Stopwatch.GetTimestamp();
        IReadOnlySet<string> existing = unknown.Count == 0 ? new HashSet<string>() : await outbox.ExistingKeysAsync(unknown, ct);
        _checkTime = System.Diagnostics.Stopwatch.GetElapsedTime(checking);
        lock (_known)
        {
            _known.UnionWith(existing);
        }

        var rows = new List<OutboxRow>();
        foreach (var p in planned.Where(p => unknown.Contains(p.Key) && !existing.Contains(p.Key)).DistinctBy(p => p.Key, StringComparer.Ordinal))
        {
            rows.Add(await p.BuildAsync(ct));
        }

        return rows;
    }

    private void PlanItem(
        TrackedItem item, PeopleDirectory directory, DateOnly from, DateOnly today, DateTimeOffset now, DateTimeOffset dueAt, List<PlannedMessage> planned)
    {
        if (!item.IsOpen || item.SnoozedUntil is { } snoozed && snoozed > today)
        {
            return;
        }

        foreach (var owner in directory.OwnersOf(item.Owner))
        {
            if (NudgeSlots.LatestOwnerSlot(item, policy.OffsetsFor(owner), from, today, policy) is { } slot)
            {
                var key = $"{slot.Key}:{owner.Email}";
                planned.Add(PlannedMessage.Of(key, () => OutboxRow.New(key, "nudge", owner.Email, dueAt, NudgeMessages.Nudge(item, slot.Due, today), now)
                    with { ItemId = item.Id, ItemDue = slot.Due }));
            }
        }

        if (NudgeSlots.LatestEscalation(item, from, today, policy) is { } esc)
        {
            foreach (var manager in directory.ManagersOf(item.Owner))
            {
                var key = $"{esc.Key}:{manager.Email}";
                planned.Add(PlannedMessage.Of(key, () => OutboxRow.New(key, "escalation", manager.Email, dueAt, NudgeMessages.Escalation(item, esc.Due, today), now)
                    with { ItemId = item.Id, ItemDue = esc.Due }));
            }
        }
    }

    /// <summary>Open items that can have a slot in the window, found by due-date ranges (plus recurring items).</summary>
    private async Task<IReadOnlyList<TrackedItem>> CandidatesAsync(PeopleDirectory directory, DateOnly from, DateOnly today, CancellationToken ct)
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

        var found = new Dictionary<string, TrackedItem>(StringComparer.Ordinal);
        // One day per query: a query pins every page it touches until it ends (LiteDB's page cache then grows to
        // the largest query and never shrinks), and skipping into a wide range walks its index again per page.
        foreach (var day in Merge(ranges).SelectMany(r => Days(r.From, r.To)))
        {
            for (var skip = 0; ; skip += PageSize)
            {
                var page = await items.DueBetweenAsync(day, day, true, skip, PageSize, ct);
                foreach (var i in page.Items)
                {
                    found.TryAdd(i.Id, i);
                }

                if (skip + PageSize >= page.Total)
                {
                    break;
                }
            }
        }

        foreach (var i in await items.RecurringOpenAsync(ct))
        {
            found[i.Id] = i;
        }

        return [.. found.Values.OrderBy(i => i.Id, StringComparer.Ordinal)];
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
