using OversightBot.Core.DemoData;
using OversightBot.Core.Handlers;
using OversightBot.Core.Domain;
using OversightBot.Core.Proactive;
using OversightBot.Testing;

namespace OversightBot.Core.Tests.Proactive;

public sealed class CatchUpAndYearTests
{
    private const string Olivia = "olivia.officer@example.org";
    private const string Maya = "maya.manager@example.org";

    private static DateOnly Day(RecordingSender.Sent s) => DateOnly.FromDateTime(ProactiveHarness.LocalTime(s).DateTime);

    [Fact]
    public async Task AfterThreeDaysDown_OnlyTheLatestNudgePerItem_AndTheMissedDigestOnce()
    {
        var people = NudgeScheduleTests.Team();
        people[1].Preferences.Digest = new DigestSubscription();
        var items = new[]
        {
            Some.Item("A", due: Some.Date(2023, 1, 2), owner: "Strategy"), // overdue: weekly on Mondays
            Some.Item("B", due: Some.Date(2023, 1, 31), owner: "Strategy"), // 14 days before = Tue 17th, while down
            Some.Item("C", due: Some.Date(2023, 1, 18), owner: "Strategy"), // 1 before = 17th (down), 0 = 18th (restart day)
        };
        var h = new ProactiveHarness(items, people, Some.Date(2023, 1, 9));
        await h.RunUntilAsync(new DateTimeOffset(2023, 1, 13, 18, 0, 0, TimeSpan.Zero));
        var before = h.Sent.Count;

        h.Clock.Advance(TimeSpan.FromHours(112)); // down from Friday 18:00 to Wednesday 10:00 (UTC = London in January)
        h.Restart();
        await h.RunUntilAsync(Some.Date(2023, 1, 21));

        var after = h.Sent.Skip(before).ToList();
        Assert.Equal(
            [$"digest:{Maya}:2023-W03", $"escalate:A:2023-W03:{Maya}", $"nudge:B:2023-01-31:14:{Olivia}", $"nudge:C:2023-01-18:0:{Olivia}", $"overdue:A:2023-01-02:2:{Olivia}"],
            after.Where(s => Day(s) == Some.Date(2023, 1, 18)).Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(h.Sent, s => s.Key.StartsWith("nudge:C:2023-01-18:1:", StringComparison.Ordinal));
        Assert.Single(h.Sent, s => s.Key.StartsWith("digest:", StringComparison.Ordinal) && s.Key.EndsWith("W03", StringComparison.Ordinal));
        Assert.All(after.Where(s => Day(s) == Some.Date(2023, 1, 18)), s => Assert.Equal(10, ProactiveHarness.LocalTime(s).Hour));
    }

    [Fact]
    public async Task Digest_GoesToSubscribersOnTheirDay_OncePerWeek_MovedOffBankHolidays()
    {
        var people = NudgeScheduleTests.Team();
        people[1].Preferences.Digest = new DigestSubscription { Day = DayOfWeek.Monday, At = new TimeOnly(9, 0) };
        people[0].Preferences.Digest = new DigestSubscription { Day = DayOfWeek.Friday, At = new TimeOnly(7, 0) };
        var h = new ProactiveHarness([], people, Some.Date(2023, 4, 24));

        await h.RunUntilAsync(Some.Date(2023, 5, 13));

        var maya = h.SentTo(Maya);
        Assert.Equal([Some.Date(2023, 4, 24), Some.Date(2023, 5, 2), Some.Date(2023, 5, 9)], maya.Select(Day)); // 1 May is a bank holiday
        Assert.All(maya, s => Assert.Equal("digest", s.Message.Intent));
        Assert.All(h.SentTo(Olivia), s => Assert.Equal(8, ProactiveHarness.LocalTime(s).Hour)); // 07:00 is before the window
        Assert.Equal(3, h.SentTo(Olivia).Count);
    }

    [Fact]
    public async Task Board_ClerkIsNudgedWhenMinutesAreLate_ThenWeekly()
    {
        var clerk = new Person { Email = "colin.clerk@example.org", Name = "Colin", Role = Role.Clerk, Team = "Secretariat" };
        var board = Some.Board();
        board.Clerk = clerk.Email;
        board.CadenceDays = 365;
        board.Meetings.Add(new Meeting { Date = Some.Date(2023, 3, 1) });
        board.Publications.Add(new Publication { Kind = PublicationKind.Agenda, MeetingDate = Some.Date(2023, 3, 1), Published = Some.Date(2023, 2, 22) });
        var h = new ProactiveHarness([], [clerk], Some.Date(2023, 4, 1), [board]);

        await h.RunUntilAsync(Some.Date(2023, 4, 26));

        Assert.Equal(
            ["board:lcrb:minutes-2023-03-01:2023-04-13", "board:lcrb:minutes-2023-03-01:2023-04-20"],
            h.Sent.Select(s => s.Key));
        Assert.Equal("board-nudge", h.Sent[0].Message.Intent);
        Assert.Contains("minutes of the meeting on 1 March 2023", h.Sent[0].Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WholeYearOverTheDemoData_NoKeyTwice_AllInsideTheWindowOnWorkingDays()
    {
        var demo = DemoDataSet.LoadEmbedded();
        foreach (var p in demo.People.Where(p => p.Role == Role.Manager))
        {
            p.Preferences.Digest = new DigestSubscription();
        }

        var h = new ProactiveHarness(demo.Items, demo.People, Some.Date(2023, 1, 1), demo.Boards);

        await h.RunUntilAsync(Some.Date(2024, 1, 1), TimeSpan.FromMinutes(30));

        Assert.NotEmpty(h.Sent);
        Assert.Equal(h.Sent.Count, h.Sent.Select(s => s.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(h.Sent, s => s.Message.Intent == "nudge");
        Assert.Contains(h.Sent, s => s.Message.Intent == "escalation");
        Assert.InRange(h.Sent.Count(s => s.Message.Intent == "digest"), 50, 53 * demo.People.Count(p => p.Role == Role.Manager));
        Assert.All(h.Sent, s =>
        {
            var local = ProactiveHarness.LocalTime(s);
            Assert.True(h.Policy.Calendar.IsWorkingDay(DateOnly.FromDateTime(local.DateTime)), s.Key);
            Assert.InRange(local.Hour, 8, 17);
        });
        var outbox = await h.Outbox.CountByStateAsync(CancellationToken.None);
        Assert.False(outbox.ContainsKey(OutboxState.Pending) && outbox[OutboxState.Pending] > 0 && h.Sent.Count == 0);
    }

    [Fact]
    public async Task AYearWithPruningAndMonthlyRestarts_KeepsTheOutboxShort_AndNeverSendsAKeyTwice()
    {
        var demo = DemoDataSet.LoadEmbedded();
        foreach (var p in demo.People.Where(p => p.Role == Role.Manager))
        {
            p.Preferences.Digest = new DigestSubscription();
        }

        var h = new ProactiveHarness(demo.Items, demo.People, Some.Date(2023, 1, 1), demo.Boards)
        {
            EngineOptions = new ProactiveEngineOptions { KeepEnded = TimeSpan.FromDays(75), PruneBatch = 20 },
        };
        h.Restart();

        for (var month = 2; month <= 13; month++)
        {
            await h.RunUntilAsync(month <= 12 ? Some.Date(2023, month, 1) : Some.Date(2024, 1, 1), TimeSpan.FromMinutes(30));
            h.Restart(); // a new process: nothing remembered, every key checked against the outbox
        }

        Assert.Equal(h.Sent.Count, h.Sent.Select(s => s.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.True(h.Reports.Sum(r => r.Pruned) > 100);
        var left = await h.Outbox.ByStateAsync(null, 0, int.MaxValue, CancellationToken.None);
        var cutOff = h.Clock.GetUtcNow() - TimeSpan.FromDays(76);
        Assert.DoesNotContain(left, r => r.State is OutboxState.Delivered or OutboxState.Cancelled or OutboxState.Gone && r.DoneAt < cutOff);
        Assert.True(left.Count < h.Sent.Count / 2, $"{left.Count} rows left of {h.Sent.Count} sent");
    }

    [Fact]
    public async Task PlanningTwice_AddsNothingTheSecondTime()
    {
        var h = new ProactiveHarness([Some.Item("R-1", due: Some.Date(2023, 2, 8), owner: "Strategy")], NudgeScheduleTests.Team(), Some.Date(2023, 2, 8));
        var planner = new ProactivePlanner(h.Store, h.Store, h.Store, new HandlerDigestComposer(new DigestHandler(h.Store, h.Store)), h.Outbox, h.Policy);

        var first = await planner.PlanAsync(h.Clock.GetUtcNow(), Some.Date(2023, 2, 8), CancellationToken.None);
        var added = await h.Outbox.AddManyIfAbsentAsync(first, CancellationToken.None);
        var second = await planner.PlanAsync(h.Clock.GetUtcNow(), Some.Date(2023, 2, 8), CancellationToken.None);

        Assert.Equal(1, added);
        Assert.Empty(second);
        Assert.Equal(0, await h.Outbox.AddManyIfAbsentAsync(first, CancellationToken.None));
    }
}
