using Microsoft.Extensions.Time.Testing;
using OversightBot.Core.DemoData;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using OversightBot.Core.Proactive;
using OversightBot.Core.Time;
using OversightBot.Testing;

namespace OversightBot.Core.Tests.Proactive;

/// <summary>
/// A plan spread over many ticks (a step budget, or a time budget on a slow store) sends exactly what one tick would;
/// a crash part-way is planned again by the next start; a plan overtaken by midnight is dropped and planned again.
/// </summary>
public sealed class SpreadPlanningTests
{
    private const string Olivia = "olivia.officer@example.org";

    private static List<string> Sent(ProactiveHarness h) =>
        [.. h.Sent.Select(s => $"{DateOnly.FromDateTime(ProactiveHarness.LocalTime(s).DateTime):yyyy-MM-dd} {s.Key}").Order(StringComparer.Ordinal)];

    /// <summary>Items due around a Friday (9 June 2023) whose slots include the weekend's, moved to the Friday.</summary>
    private static List<TrackedItem> AroundAFriday() =>
    [
        Some.Item("R-1", due: Some.Date(2023, 6, 10), owner: "Strategy"), // Saturday: "tomorrow" and "today" both move to Friday
        Some.Item("R-2", due: Some.Date(2023, 6, 12), owner: "Strategy"), // Monday: "tomorrow" is Sunday, moved to Friday
        Some.Item("R-3", due: Some.Date(2023, 6, 23), owner: "Strategy"), // 14 days before is Friday
        Some.Item("R-4", due: Some.Date(2023, 5, 12), owner: "Strategy"), // overdue: weekly on Fridays, escalated
        Some.Item("R-5", due: Some.Date(2023, 6, 4), owner: "Strategy"), // overdue from a Sunday
        Some.Item("R-6", due: Some.Date(2023, 6, 9), owner: Olivia),
    ];

    [Fact]
    public async Task TwoMonthsOverTheDemoData_OneStepPerTick_SendsWhatOneTickSends_IncludingTheCatchUpAfterDowntime()
    {
        async Task<ProactiveHarness> RunAsync(ProactiveEngineOptions options)
        {
            var demo = DemoDataSet.LoadEmbedded();
            foreach (var p in demo.People.Where(p => p.Role == Role.Manager))
            {
                p.Preferences.Digest = new DigestSubscription();
            }

            var h = new ProactiveHarness(demo.Items, demo.People, Some.Date(2023, 1, 30), demo.Boards) { EngineOptions = options };
            h.Policy.ReplanEvery = TimeSpan.FromHours(6);
            h.Restart();
            await h.RunUntilAsync(new DateTimeOffset(2023, 2, 24, 17, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(30));
            h.Clock.Advance(TimeSpan.FromHours(89)); // down from Friday 17:00 to Tuesday 10:00
            h.Restart();
            await h.RunUntilAsync(Some.Date(2023, 3, 31), TimeSpan.FromMinutes(30));
            return h;
        }

        var whole = await RunAsync(new ProactiveEngineOptions());
        var spread = await RunAsync(new ProactiveEngineOptions { MaxStepsPerTick = 1, WriteWhenQueued = 1, MaxRowsPerWrite = 1 });

        Assert.NotEmpty(whole.Sent);
        Assert.Equal(Sent(whole), Sent(spread));
        Assert.Equal(spread.Sent.Count, spread.Sent.Select(s => s.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(whole.Reports.Where(r => r.Finished is not null), r => Assert.Equal(1, r.Finished!.Ticks));
        Assert.Contains(spread.Reports, r => r.Finished is { Ticks: > 50 });
    }

    [Fact]
    public async Task ATickStopsOnceItsBudgetIsSpent_AndTheFridaySendsTheSameMessages()
    {
        var reference = new ProactiveHarness(AroundAFriday(), NudgeScheduleTests.Team(), Some.Date(2023, 6, 8));
        await reference.RunUntilAsync(Some.Date(2023, 6, 10));

        var h = new ProactiveHarness(AroundAFriday(), NudgeScheduleTests.Team(), Some.Date(2023, 6, 8));
        h.PlannerItems = items => new SlowItems(items, h.Clock, TimeSpan.FromMilliseconds(30));
        h.EngineOptions = new ProactiveEngineOptions { TickBudget = TimeSpan.FromMilliseconds(100) };
        h.Restart();
        await h.RunUntilAsync(Some.Date(2023, 6, 10));

        Assert.Equal(Sent(reference), Sent(h));
        Assert.Contains(h.Sent, s => s.Key == $"nudge:R-1:2023-06-10:0:{Olivia}");
        Assert.DoesNotContain(h.Sent, s => s.Key.StartsWith("nudge:R-1:2023-06-10:1:", StringComparison.Ordinal));
        var planning = h.Reports.Where(r => r.Steps > 0).ToList();
        Assert.True(planning.Count >= 10, $"{planning.Count} planning ticks");
        Assert.All(planning, r => Assert.InRange(r.Work, TimeSpan.Zero, TimeSpan.FromMilliseconds(130))); // the budget and one query
    }

    [Fact]
    public async Task ACrashPartWayThroughASpreadPlan_IsPlannedAgainByTheNextStart_NothingLostNothingTwice()
    {
        var reference = new ProactiveHarness(AroundAFriday(), NudgeScheduleTests.Team(), Some.Date(2023, 6, 9));
        await reference.RunUntilAsync(Some.Date(2023, 6, 10));

        var h = new ProactiveHarness(AroundAFriday(), NudgeScheduleTests.Team(), Some.Date(2023, 6, 9));
        h.PlannerItems = items => new SlowItems(items, h.Clock, TimeSpan.FromMilliseconds(40));
        h.EngineOptions = new ProactiveEngineOptions { TickBudget = TimeSpan.FromMilliseconds(100), WriteWhenQueued = 2 };
        h.Restart();
        var written = 0;
        for (var ticks = 0; (written == 0 || h.Engine.Unwritten == 0) && ticks < 200; ticks++)
        {
            written += (await h.TickAsync()).Added;
        }

        var inOutbox = (await h.Outbox.ByStateAsync(null, 0, 1_000, CancellationToken.None)).Count;
        Assert.True(h.Engine.Unwritten > 0);
        Assert.DoesNotContain(h.Reports, r => r.Finished is not null);
        Assert.InRange(inOutbox, 1, Sent(reference).Count - 1); // part written, part planned but queued, part not planned
        h.Restart(); // the process dies: what it had queued in memory is gone
        await h.RunUntilAsync(Some.Date(2023, 6, 10));

        Assert.Equal(Sent(reference), Sent(h));
    }

    [Fact]
    public async Task APlanOvertakenByMidnight_IsDropped_AndTheNextDaySendsOnlyEachItemsLatestSlot()
    {
        // R-6 is due Friday 9 June: Thursday's slot is "tomorrow", Friday's is "today".
        var items = new[] { Some.Item("R-6", due: Some.Date(2023, 6, 9), owner: Olivia) };
        var h = new ProactiveHarness(items, NudgeScheduleTests.Team(), Some.Date(2023, 6, 8));
        h.PlannerItems = store => new SlowItems(store, h.Clock, TimeSpan.FromMilliseconds(40));
        h.EngineOptions = new ProactiveEngineOptions { TickBudget = TimeSpan.FromMilliseconds(100) };
        h.Restart();
        h.Clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(57)); // Thursday 23:59:57

        // Three steps a tick, a tick a second: the Thursday plan reaches R-6 (and queues Thursday's nudge) before midnight.
        while ((await h.TickAsync()).PlannedRows == 0)
        {
        }

        Assert.Equal(Some.Date(2023, 6, 8), London.DateOf(h.Clock.GetUtcNow() - h.BusyTickInterval));
        Assert.Equal(1, h.Engine.Unwritten);
        Assert.Empty(await h.Outbox.ByStateAsync(null, 0, 10, CancellationToken.None));
        await h.RunUntilAsync(Some.Date(2023, 6, 10));

        Assert.Equal([$"2023-06-09 nudge:R-6:2023-06-09:0:{Olivia}"], Sent(h));
    }

    [Fact]
    public async Task KeysAreLookedUp_AfterAStart_NotForANewDaysSlots_NorForKeysPlannedEarlierToday()
    {
        var h = new ProactiveHarness(AroundAFriday(), NudgeScheduleTests.Team(), Some.Date(2023, 6, 5));
        await h.RunUntilAsync(new DateTimeOffset(2023, 6, 9, 11, 0, 0, TimeSpan.Zero)); // Friday noon (BST)
        var plans = h.Reports.Where(r => r.Finished is not null).Select(r => r.Finished!).ToList();

        var first = plans[0];
        Assert.Equal(first.Stats.Considered, first.Stats.LookedUp); // after a start anything may be in the outbox
        Assert.True(first.Stats.Considered > 0);
        Assert.All(plans.Skip(1), p => Assert.Equal(0, p.Stats.LookedUp)); // new days' slots, and today's keys already known
        Assert.Contains(plans, p => p.Today == Some.Date(2023, 6, 9) && p.Stats.New > 0 && p.Stats.LookedUp == 0);
        Assert.Equal(h.Sent.Count, h.Sent.Select(s => s.Key).Distinct(StringComparer.Ordinal).Count());

        // A restart on Friday at noon: every key is looked up again, and nothing already sent goes twice.
        var before = h.Sent.Count;
        h.Restart();
        await h.TickAsync();
        var again = h.Reports[^1].Finished!;
        Assert.Equal(again.Stats.Considered, again.Stats.LookedUp);
        Assert.Equal(0, again.Stats.New);
        Assert.Equal(before, h.Sent.Count);
    }

    /// <summary>The store as the planner sees it when each date query takes <paramref name="perQuery"/> (the fake clock moves on).</summary>
    private sealed class SlowItems(IItemStore inner, FakeTimeProvider clock, TimeSpan perQuery) : IItemStore
    {
        public long Revision => inner.Revision;

        public Task<Page<TrackedItem>> DueBetweenAsync(DateOnly from, DateOnly to, bool openOnly, int skip, int take, CancellationToken ct)
        {
            clock.Advance(perQuery);
            return inner.DueBetweenAsync(from, to, openOnly, skip, take, ct);
        }

        public Task<TrackedItem?> GetAsync(string id, CancellationToken ct) => inner.GetAsync(id, ct);
        public Task UpsertAsync(TrackedItem item, CancellationToken ct) => inner.UpsertAsync(item, ct);
        public Task UpsertManyAsync(IEnumerable<TrackedItem> items, CancellationToken ct) => inner.UpsertManyAsync(items, ct);
        public Task<Page<TrackedItem>> OverdueAsync(DateOnly today, int skip, int take, CancellationToken ct) => inner.OverdueAsync(today, skip, take, ct);
        public Task<Page<TrackedItem>> ByOwnerAsync(IReadOnlyCollection<string> owners, bool openOnly, int skip, int take, CancellationToken ct) => inner.ByOwnerAsync(owners, openOnly, skip, take, ct);
        public Task<Page<TrackedItem>> ByStatusAsync(IReadOnlyCollection<ItemStatus> statuses, int skip, int take, CancellationToken ct) => inner.ByStatusAsync(statuses, skip, take, ct);
        public Task<IReadOnlyList<TrackedItem>> ClosedBetweenAsync(DateOnly from, DateOnly to, CancellationToken ct) => inner.ClosedBetweenAsync(from, to, ct);
        public IAsyncEnumerable<TrackedItem> AllAsync(CancellationToken ct) => inner.AllAsync(ct);
        public Task<int> CountAsync(CancellationToken ct) => inner.CountAsync(ct);
        public Task<IReadOnlyList<TrackedItem>> SearchAsync(IReadOnlyCollection<string> terms, int take, CancellationToken ct) => inner.SearchAsync(terms, take, ct);
        public Task<IReadOnlyList<string>> OwnersAsync(CancellationToken ct) => inner.OwnersAsync(ct);
        public Task<string> NextIdAsync(string prefix, CancellationToken ct) => inner.NextIdAsync(prefix, ct);
        public Task<IReadOnlyList<TrackedItem>> RecurringOpenAsync(CancellationToken ct) => inner.RecurringOpenAsync(ct);
    }
}
