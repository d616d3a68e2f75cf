using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using OversightBot.Core.Proactive;
using OversightBot.Core.Time;
using OversightBot.Testing;

namespace OversightBot.Core.Tests.Proactive;

public sealed class DispatcherTests
{
    private const string Olivia = "olivia.officer@example.org";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Monday0900 = London.At(new DateOnly(2023, 2, 6), new TimeOnly(9, 0));

    private sealed class Rig
    {
        public Rig(DispatcherOptions? options = null, TimeProvider? clock = null)
        {
            Clock = clock ?? new FakeTimeProvider(Monday0900);
            Store = new FakeStore([Some.Item("R-1", due: new DateOnly(2023, 2, 6), owner: Olivia)], people: NudgeScheduleTests.Team());
            Sender = new RecordingSender(Clock, "fake");
            Options = options ?? new DispatcherOptions { ConversationSpacing = TimeSpan.Zero, MaxInlineThrottleWait = TimeSpan.Zero, Retry = new OutboxRetryPolicy { MaxAttempts = 3 } };
            Dispatcher = new Dispatcher(Outbox, Store, Store, [Sender], new ReminderPolicy(), Options, Clock);
        }

        public TimeProvider Clock { get; }
        public FakeStore Store { get; }
        public InMemoryOutboxStore Outbox { get; } = new();
        public RecordingSender Sender { get; }
        public DispatcherOptions Options { get; }
        public Dispatcher Dispatcher { get; }

        public async Task AddAsync(string key, string recipient = Olivia) =>
            await Outbox.AddIfAbsentAsync(OutboxContractTests.Row(key, Clock.GetUtcNow(), recipient), None);

        public async Task<OutboxRow> RowAsync(string key) => (await Outbox.GetOutboxRowAsync(key, None))!;
    }

    [Fact]
    public async Task Delivered_IsRecorded_AndNotSentAgain()
    {
        var rig = new Rig();
        await rig.AddAsync("k");

        var report = await rig.Dispatcher.DispatchAsync(None);
        await rig.Dispatcher.DispatchAsync(None);

        Assert.Equal(1, report.Delivered);
        Assert.Single(rig.Sender.Log);
        Assert.Equal((OutboxState.Delivered, "fake"), ((await rig.RowAsync("k")).State, (await rig.RowAsync("k")).Channel));
    }

    [Fact]
    public async Task Throttled_HonoursRetryAfter_ForTheRowAndTheWholeChannel()
    {
        var rig = new Rig();
        var calls = 0;
        rig.Sender.Outcome = (_, _) => Interlocked.Increment(ref calls) == 1 ? new SendOutcome(SendOutcomeKind.Throttled, TimeSpan.FromSeconds(20)) : SendOutcome.Delivered;
        await rig.AddAsync("a");
        await rig.AddAsync("b", "maya.manager@example.org");

        var report = await rig.Dispatcher.DispatchAsync(None);

        Assert.Equal((2, 0), (report.Throttled, report.Delivered));
        Assert.Equal(1, calls);
        var clock = (FakeTimeProvider)rig.Clock;
        clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(0, (await rig.Dispatcher.DispatchAsync(None)).Claimed);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await rig.Dispatcher.DispatchAsync(None)).Delivered);
        Assert.Equal(0, (await rig.RowAsync("a")).Attempts - 1);
    }

    [Fact]
    public async Task ShortRetryAfter_IsWaitedOutInProcess()
    {
        var rig = new Rig(new DispatcherOptions { ConversationSpacing = TimeSpan.Zero, MaxInlineThrottleWait = TimeSpan.FromSeconds(1) }, TimeProvider.System);
        var calls = 0;
        rig.Sender.Outcome = (_, _) => Interlocked.Increment(ref calls) == 1 ? new SendOutcome(SendOutcomeKind.Throttled, TimeSpan.FromMilliseconds(150)) : SendOutcome.Delivered;
        await rig.AddAsync("a");
        var sw = Stopwatch.StartNew();

        var report = await DispatchInWindowAsync(rig);

        Assert.Equal(1, report.Delivered);
        Assert.True(sw.Elapsed >= TimeSpan.FromMilliseconds(140), $"{sw.Elapsed}");
    }

    [Fact]
    public async Task Failed_RetriesWithBackoff_ThenDeadLetters()
    {
        var rig = new Rig();
        rig.Sender.Outcome = (_, _) => new SendOutcome(SendOutcomeKind.Failed, Error: "500 from the connector");
        await rig.AddAsync("k");
        var clock = (FakeTimeProvider)rig.Clock;

        for (var i = 0; i < 3; i++)
        {
            await rig.Dispatcher.DispatchAsync(None);
            clock.Advance(TimeSpan.FromMinutes(10));
        }

        var row = await rig.RowAsync("k");
        Assert.Equal((OutboxState.Dead, 3, "500 from the connector"), (row.State, row.Attempts, row.LastError));
        Assert.Empty(rig.Sender.Log);
    }

    [Fact]
    public async Task AThrowingSender_CountsAsFailed()
    {
        var rig = new Rig();
        rig.Sender.Outcome = (_, _) => throw new HttpRequestException("connection refused");
        await rig.AddAsync("k");

        await rig.Dispatcher.DispatchAsync(None);

        var row = await rig.RowAsync("k");
        Assert.Equal(OutboxState.Failed, row.State);
        Assert.Contains("connection refused", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecipientGone_UnknownPerson_OrNoChannel_StopsAndFlags()
    {
        var rig = new Rig();
        rig.Sender.Reaches = p => p.Email != "maya.manager@example.org";
        rig.Sender.Outcome = (_, key) => key == "gone" ? new SendOutcome(SendOutcomeKind.RecipientGone, Error: "app uninstalled") : SendOutcome.Delivered;
        await rig.AddAsync("gone");
        await rig.AddAsync("stranger", "nobody@example.org");
        await rig.AddAsync("unreachable", "maya.manager@example.org");

        var report = await rig.Dispatcher.DispatchAsync(None);

        Assert.Equal(3, report.Gone);
        Assert.Equal("app uninstalled", (await rig.RowAsync("gone")).LastError);
        Assert.Equal("unknown person", (await rig.RowAsync("stranger")).LastError);
        Assert.Equal("no channel reaches the person", (await rig.RowAsync("unreachable")).LastError);
    }

    [Theory]
    [InlineData(2023, 2, 6, 7, 59)] // before 08:00
    [InlineData(2023, 2, 6, 18, 0)] // from 18:00
    [InlineData(2023, 2, 11, 10, 0)] // Saturday
    [InlineData(2023, 5, 1, 10, 0)] // bank holiday
    public async Task NothingLeavesOutsideTheWindow(int y, int m, int d, int hh, int mm)
    {
        var rig = new Rig(clock: new FakeTimeProvider(London.At(new DateOnly(y, m, d), new TimeOnly(hh, mm))));
        await rig.AddAsync("k");

        var report = await rig.Dispatcher.DispatchAsync(None);

        Assert.Equal(0, report.Claimed);
        Assert.Empty(rig.Sender.Log);
    }

    [Fact]
    public async Task OneConversation_IsPaced()
    {
        var rig = new Rig(new DispatcherOptions { ConversationSpacing = TimeSpan.FromMilliseconds(100) }, TimeProvider.System);
        foreach (var k in new[] { "a", "b", "c" })
        {
            await rig.AddAsync(k);
        }

        await rig.AddAsync("m", "maya.manager@example.org");

        var report = await DispatchInWindowAsync(rig);

        Assert.Equal(4, report.Delivered);
        var olivia = rig.Sender.Log.Where(s => s.Recipient == Olivia).Select(s => s.At).ToList();
        Assert.True(olivia[1] - olivia[0] >= TimeSpan.FromMilliseconds(95), $"{olivia[1] - olivia[0]}");
        Assert.True(olivia[2] - olivia[1] >= TimeSpan.FromMilliseconds(95), $"{olivia[2] - olivia[1]}");
    }

    [Fact]
    public async Task ADoneItem_IsCancelledNotSent()
    {
        var rig = new Rig();
        (await rig.Store.GetAsync("R-1", None))!.Status = ItemStatus.Done;
        await rig.AddAsync("k");

        var report = await rig.Dispatcher.DispatchAsync(None);

        Assert.Equal(1, report.Cancelled);
        Assert.Equal((OutboxState.Cancelled, "item done"), ((await rig.RowAsync("k")).State, (await rig.RowAsync("k")).LastError));
    }

    [Fact]
    public async Task AConversationThrottle_HoldsOnlyThatConversation()
    {
        var rig = new Rig();
        rig.Sender.Outcome = (p, _) => p.Email == Olivia
            ? new SendOutcome(SendOutcomeKind.Throttled, TimeSpan.FromSeconds(20)) { Scope = ThrottleScope.Conversation }
            : SendOutcome.Delivered;
        await rig.AddAsync("a");
        await rig.AddAsync("b", "maya.manager@example.org");
        await rig.AddAsync("c", "maya.manager@example.org");

        var report = await rig.Dispatcher.DispatchAsync(None);

        Assert.Equal((1, 2), (report.Throttled, report.Delivered));
        Assert.Equal(["b", "c"], rig.Sender.Log.Select(s => s.Key));
        var a = await rig.RowAsync("a");
        Assert.Equal((OutboxState.Pending, rig.Clock.GetUtcNow() + TimeSpan.FromSeconds(20), 0), (a.State, a.NextAt, a.Attempts)); // a throttle is not an attempt
    }

    [Fact]
    public async Task AfterAWorkspaceThrottle_MessagesGoOldestFirst_OneRefusalPerWindow_AndARefusalDoesNotStartTheSpacing()
    {
        var clock = new FakeTimeProvider(Monday0900);
        var rig = new Rig(new DispatcherOptions { ConversationSpacing = TimeSpan.FromSeconds(5), MaxInlineThrottleWait = TimeSpan.FromSeconds(30) }, clock);
        var people = new[] { "p1@example.org", "p2@example.org", "p3@example.org", "p4@example.org" };
        foreach (var email in people)
        {
            await rig.Store.UpsertPersonAsync(new Person { Email = email, Name = email }, None);
            await rig.AddAsync("k-" + email[..2], email);
        }

        // The platform takes one message per one-second window across the workspace, and answers 429 beyond it.
        var (windowStart, inWindow, refused) = (DateTimeOffset.MinValue, 0, 0);
        rig.Sender.Outcome = (_, _) =>
        {
            var now = clock.GetUtcNow();
            if (now - windowStart >= TimeSpan.FromSeconds(1))
            {
                (windowStart, inWindow) = (now, 0);
            }

            if (inWindow++ == 0)
            {
                return SendOutcome.Delivered;
            }

            refused++;
            return new SendOutcome(SendOutcomeKind.Throttled, windowStart + TimeSpan.FromSeconds(1) - now);
        };

        var dispatch = rig.Dispatcher.DispatchAsync(None);
        for (var second = 1; second < people.Length; second++)
        {
            // Each window: one delivered, one refused, the rest waiting their turn; then the clock moves on a second.
            await Until(() => rig.Sender.Log.Count == second && rig.Dispatcher.WaitingIn("fake") == people.Length - second);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var report = await dispatch.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((4, 0), (report.Delivered, report.Throttled));
        Assert.Equal(["k-p1", "k-p2", "k-p3", "k-p4"], rig.Sender.Log.Select(s => s.Key));
        Assert.Equal([0, 1, 2, 3], rig.Sender.Log.Select(s => (int)(s.At - Monday0900).TotalSeconds)); // p2 not held 5 s by its refusal
        Assert.Equal(3, refused);
    }

    /// <summary>Waits (real time, generously) for the dispatcher's tasks to reach a state; the fake clock does not move meanwhile.</summary>
    private static async Task Until(Func<bool> condition)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(20), "the dispatcher did not get there");
            await Task.Delay(5);
        }
    }

    /// <summary>Real-clock tests run whenever CI does: use a policy whose window is always open.</summary>
    private static Task<DispatchReport> DispatchInWindowAsync(Rig rig)
    {
        var policy = new ReminderPolicy { WorkingDaysOnly = false, WindowStart = TimeOnly.MinValue, WindowEnd = TimeOnly.MaxValue };
        var dispatcher = new Dispatcher(rig.Outbox, rig.Store, rig.Store, [rig.Sender], policy, rig.Options, rig.Clock);
        return dispatcher.DispatchAsync(None);
    }
}
