using OversightBot.Core.Domain;
using OversightBot.Core.Proactive;
using OversightBot.Testing;

namespace OversightBot.Core.Tests.Proactive;

public sealed class NudgeScheduleTests
{
    private const string Olivia = "olivia.officer@example.org";
    private const string Maya = "maya.manager@example.org";

    internal static List<Person> Team() =>
    [
        new Person { Email = Olivia, Name = "Olivia", Role = Role.Officer, Team = "Strategy", ManagerEmail = Maya },
        new Person { Email = Maya, Name = "Maya", Role = Role.Manager, Team = "Strategy" },
    ];

    private static TrackedItem Item(string id, DateOnly due, string owner = "Strategy") => Some.Item(id, due: due, owner: owner);

    private static List<string> Keys(ProactiveHarness h, string? recipient = null) =>
        h.Sent.Where(s => recipient is null || s.Recipient == recipient).Select(s => s.Key).ToList();

    [Fact]
    public async Task Owner_IsNudged14_7_1_AndOnTheDay_At0900London_ThenWeeklyWhileOverdue()
    {
        var h = new ProactiveHarness([Item("R-1", Some.Date(2023, 2, 8))], Team(), Some.Date(2023, 1, 20));

        await h.RunUntilAsync(Some.Date(2023, 2, 25));

        Assert.Equal(
            [
                $"nudge:R-1:2023-02-08:14:{Olivia}", $"nudge:R-1:2023-02-08:7:{Olivia}", $"nudge:R-1:2023-02-08:1:{Olivia}",
                $"nudge:R-1:2023-02-08:0:{Olivia}", $"overdue:R-1:2023-02-08:1:{Olivia}", $"overdue:R-1:2023-02-08:2:{Olivia}",
            ],
            Keys(h, Olivia));
        Assert.All(h.Sent, s => Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(ProactiveHarness.LocalTime(s).DateTime)));
        Assert.Equal(Some.Date(2023, 1, 25), DateOnly.FromDateTime(ProactiveHarness.LocalTime(h.SentTo(Olivia)[0]).DateTime));
        var nudge = h.SentTo(Olivia)[0].Message;
        Assert.Equal("nudge", nudge.Intent);
        Assert.Equal(["done", "update", "newdate", "snooze"], nudge.Actions.Select(a => a.Verb));
        Assert.Equal("mark R-1 done", nudge.Actions[0].Value);
        Assert.Equal("snooze R-1 for a week", nudge.Actions[3].Value);
    }

    [Fact]
    public async Task AnItemWhoseOwnerMatchesNobody_IsNamedInThePlan_AndNothingIsSent()
    {
        var h = new ProactiveHarness(
            [Item("R-1", Some.Date(2023, 2, 8)), Item("R-2", Some.Date(2023, 2, 8), owner: "Ghost Directorate"), Item("R-3", Some.Date(2023, 9, 1), owner: "nobody@example.org")],
            Team(), Some.Date(2023, 2, 8));

        await h.RunUntilAsync(h.Clock.GetUtcNow().AddHours(10));

        Assert.Equal(["R-2"], h.Reports.First(r => r.Finished is not null).Finished!.Stats.Unreached); // R-3 is not due a nudge yet
        Assert.DoesNotContain(h.Sent, s => s.Key.Contains(":R-2:", StringComparison.Ordinal));
        Assert.Contains(h.Sent, s => s.Key.Contains(":R-1:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Manager_IsToldAt14DaysOverdue_ThenWeekly()
    {
        var h = new ProactiveHarness([Item("R-1", Some.Date(2023, 2, 8))], Team(), Some.Date(2023, 2, 9));

        await h.RunUntilAsync(Some.Date(2023, 3, 8));

        var escalations = h.SentTo(Maya);
        Assert.Equal(["escalate:R-1:2023-W08:" + Maya, "escalate:R-1:2023-W09:" + Maya], escalations.Select(s => s.Key));
        Assert.Equal(Some.Date(2023, 2, 22), DateOnly.FromDateTime(ProactiveHarness.LocalTime(escalations[0]).DateTime));
        Assert.Equal("escalation", escalations[0].Message.Intent);
        Assert.Contains("14 days overdue", escalations[0].Message.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2023, 4, 3, 2023, 3, 27, 8)] // 7 days before, first Monday of summer time: 09:00 BST = 08:00 UTC
    [InlineData(2023, 4, 3, 2023, 3, 20, 9)] // 14 days before, still GMT
    [InlineData(2023, 11, 6, 2023, 10, 30, 9)] // 7 days before, first Monday after the clocks go back
    [InlineData(2023, 11, 6, 2023, 10, 23, 8)] // 14 days before, still BST
    public async Task ClockChanges_Keep0900LocalTime(int y, int m, int d, int sy, int sm, int sd, int utcHour)
    {
        var due = new DateOnly(y, m, d);
        var h = new ProactiveHarness([Item("R-1", due)], Team(), due.AddDays(-20));

        await h.RunUntilAsync(due.AddDays(1));

        var sent = Assert.Single(h.Sent, s => DateOnly.FromDateTime(ProactiveHarness.LocalTime(s).DateTime) == new DateOnly(sy, sm, sd));
        Assert.Equal(utcHour, sent.At.UtcDateTime.Hour);
        Assert.Equal(9, ProactiveHarness.LocalTime(sent).Hour);
    }

    [Theory]
    [InlineData("2023-05-01", "2023-04-28", "0")] // early May bank holiday: on-the-day and day-before both move to Friday; one message
    [InlineData("2023-04-10", "2023-04-06", "0")] // Easter Monday: past Good Friday to Thursday
    [InlineData("2023-02-13", "2023-02-10", "1")] // the day before is a Sunday: Friday
    [InlineData("2023-12-27", "2023-12-22", "1")] // Christmas: 26 December → Friday 22nd
    public async Task WeekendsAndBankHolidays_MoveNudgesToThePreviousWorkingDay(string due, string sendDay, string offset)
    {
        var dueDate = DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture);
        var h = new ProactiveHarness([Item("R-1", dueDate)], Team(), dueDate.AddDays(-16));

        await h.RunUntilAsync(dueDate.AddDays(1));

        var onDay = h.Sent.Where(s => DateOnly.FromDateTime(ProactiveHarness.LocalTime(s).DateTime) == DateOnly.Parse(sendDay, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal($"nudge:R-1:{due}:{offset}:{Olivia}", Assert.Single(onDay).Key);
        Assert.All(h.Sent, s => Assert.True(h.Policy.Calendar.IsWorkingDay(DateOnly.FromDateTime(ProactiveHarness.LocalTime(s).DateTime))));
    }

    [Fact]
    public async Task Snoozed_IsSilentUntilTheSnoozeEnds()
    {
        var item = Item("R-1", Some.Date(2023, 2, 8));
        item.SnoozedUntil = Some.Date(2023, 2, 13);
        var h = new ProactiveHarness([item], Team(), Some.Date(2023, 2, 1));

        await h.RunUntilAsync(Some.Date(2023, 2, 20));

        Assert.Equal([$"overdue:R-1:2023-02-08:1:{Olivia}"], Keys(h));
        Assert.Equal(Some.Date(2023, 2, 15), DateOnly.FromDateTime(ProactiveHarness.LocalTime(h.Sent[0]).DateTime));
    }

    [Fact]
    public async Task RevisedDueDate_RePlans_AndAPlannedNudgeForTheOldDateIsCancelled()
    {
        var item = Item("R-1", Some.Date(2023, 3, 1));
        var h = new ProactiveHarness([item], Team(), Some.Date(2023, 2, 10));
        await h.RunUntilAsync(new DateTimeOffset(2023, 2, 22, 8, 0, 0, TimeSpan.Zero));

        item.Due = Some.Date(2023, 3, 31);
        await h.RunUntilAsync(Some.Date(2023, 4, 1));

        Assert.Equal(
            [
                $"nudge:R-1:2023-03-01:14:{Olivia}", $"nudge:R-1:2023-03-31:14:{Olivia}", $"nudge:R-1:2023-03-31:7:{Olivia}",
                $"nudge:R-1:2023-03-31:1:{Olivia}", $"nudge:R-1:2023-03-31:0:{Olivia}",
            ],
            Keys(h));
        var stale = await h.Outbox.GetOutboxRowAsync($"nudge:R-1:2023-03-01:7:{Olivia}", CancellationToken.None);
        Assert.Equal((OutboxState.Cancelled, "due date revised"), (stale!.State, stale.LastError));
    }

    [Fact]
    public async Task DoneItems_Stop()
    {
        var item = Item("R-1", Some.Date(2023, 3, 1));
        var withdrawn = Item("R-2", Some.Date(2023, 3, 1));
        withdrawn.Status = ItemStatus.Withdrawn;
        var h = new ProactiveHarness([item, withdrawn], Team(), Some.Date(2023, 2, 10));
        await h.RunUntilAsync(Some.Date(2023, 2, 20));

        item.Status = ItemStatus.Done;
        await h.RunUntilAsync(Some.Date(2023, 4, 1));

        Assert.Equal([$"nudge:R-1:2023-03-01:14:{Olivia}"], Keys(h));
    }

    [Fact]
    public async Task RecurringItem_RollsToItsNextOccurrence_WithoutOverdueNudges()
    {
        var item = Item("Q-1", Some.Date(2023, 3, 31));
        item.Recurrence = Recurrence.Quarterly;
        var h = new ProactiveHarness([item], Team(), Some.Date(2023, 3, 1));

        await h.RunUntilAsync(Some.Date(2023, 7, 5));

        Assert.Equal(
            [
                $"nudge:Q-1:2023-03-31:14:{Olivia}", $"nudge:Q-1:2023-03-31:7:{Olivia}", $"nudge:Q-1:2023-03-31:1:{Olivia}", $"nudge:Q-1:2023-03-31:0:{Olivia}",
                $"nudge:Q-1:2023-06-30:14:{Olivia}", $"nudge:Q-1:2023-06-30:7:{Olivia}", $"nudge:Q-1:2023-06-30:1:{Olivia}", $"nudge:Q-1:2023-06-30:0:{Olivia}",
            ],
            Keys(h));
    }

    [Fact]
    public async Task PersonalOffsets_OverrideThePolicy()
    {
        var people = Team();
        people[0].Preferences.ReminderOffsetsDays = [3];
        var h = new ProactiveHarness([Item("R-1", Some.Date(2023, 3, 1))], people, Some.Date(2023, 2, 1));

        await h.RunUntilAsync(Some.Date(2023, 3, 2));

        Assert.Equal([$"nudge:R-1:2023-03-01:3:{Olivia}"], Keys(h));
    }

    [Fact]
    public async Task ItemOwnedByAPerson_GoesToThatPersonOnly()
    {
        var h = new ProactiveHarness([Item("R-1", Some.Date(2023, 3, 1), owner: Maya)], Team(), Some.Date(2023, 2, 27));

        await h.RunUntilAsync(Some.Date(2023, 3, 2));

        Assert.All(h.Sent, s => Assert.Equal(Maya, s.Recipient));
        Assert.Equal( // the first start catches up the 7-day nudge of 22 February
            [$"nudge:R-1:2023-03-01:7:{Maya}", $"nudge:R-1:2023-03-01:1:{Maya}", $"nudge:R-1:2023-03-01:0:{Maya}"],
            Keys(h));
    }
}
