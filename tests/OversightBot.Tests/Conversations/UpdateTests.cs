using OversightBot.Core.Domain;
using OversightBot.Testing;
using static OversightBot.Tests.Conversations.ScriptedBot;

namespace OversightBot.Tests.Conversations;

/// <summary>Changes through chat: permissions, history, revisions, snoozes and subscriptions.</summary>
public sealed class UpdateTests : IAsyncLifetime
{
    private ScriptedBot _bot = null!;

    public async Task InitializeAsync() => _bot = await StartAsync(Some.Date(2023, 3, 1));

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Clerk_MarksDone_HistoryRecordsWhoAndWhat_AndOverdueShrinks()
    {
        (await _bot.As(Clerk).Says("mark R-5 done")).Intent("update").Accepted().Replies("R-5 updated", "done");

        var item = (await _bot.ItemAsync("R-5"))!;
        Assert.Equal(ItemStatus.Done, item.Status);
        Assert.Equal(Some.Date(2023, 3, 1), item.Closed);
        var entry = Assert.Single(item.History);
        Assert.Equal((Clerk, "status", "open", "done"), (entry.By, entry.What, entry.From, entry.To));
        (await _bot.Anonymous.Says("what's overdue?")).Total(6);
    }

    [Fact]
    public async Task Officer_UpdatesTeamItem_WithProgressNote()
    {
        (await _bot.As(Officer).Says("R-5 is in progress: drafting the letter")).Intent("update").Accepted();

        var item = (await _bot.ItemAsync("R-5"))!;
        Assert.Equal(ItemStatus.InProgress, item.Status);
        Assert.Equal("drafting the letter", item.History[^1].Note);
    }

    [Fact]
    public async Task Officer_OtherTeamsItem_IsRefusedWithReason_AndNothingChanges()
    {
        (await _bot.As(OtherOfficer).Says("mark R-5 done")).Intent("update").Refuses("owned by Strategy and MPS Oversight Directorate");

        var item = (await _bot.ItemAsync("R-5"))!;
        Assert.Equal(ItemStatus.Open, item.Status);
        Assert.Empty(item.History);
    }

    [Fact]
    public async Task Anonymous_Update_IsRefused()
    {
        (await _bot.Anonymous.Says("mark R-5 done")).Refuses("don't know who you are");
        Assert.Equal(ItemStatus.Open, (await _bot.ItemAsync("R-5"))!.Status);
    }

    [Fact]
    public async Task UnknownItem_IsRefused()
    {
        (await _bot.As(Clerk).Says("mark R-999 done")).Refuses("no item R-999");
    }

    [Fact]
    public async Task Officer_Revision_IsARequest_ManagerApproves()
    {
        (await _bot.As(Officer).Says("move R-5 to 31 March 2023 because the board meets in March")).Intent("update").Accepted()
            .Replies("awaiting approval by Maya Manager");
        var requested = (await _bot.ItemAsync("R-5"))!;
        Assert.Equal(Some.Date(2023, 2, 6), requested.Due);
        Assert.Equal(RevisionState.Requested, Assert.Single(requested.Revisions).State);

        (await _bot.As(Officer).Says("approve R-5")).Refuses("Only managers");
        (await _bot.As(Manager).Says("approve R-5")).Accepted().Replies("approved");

        var approved = (await _bot.ItemAsync("R-5"))!;
        Assert.Equal(Some.Date(2023, 3, 31), approved.Due);
        Assert.Equal(RevisionState.Approved, approved.Revisions[0].State);
        (await _bot.Anonymous.Says("status R-5")).Replies("Revision approved", "the board meets in March");
    }

    [Fact]
    public async Task Manager_Revision_AppliesAtOnce_AndIsCounted()
    {
        (await _bot.As(Manager).Says("move R-5 to 31/03/2023 because the board meets in March")).Accepted().Replies("revision 1");

        Assert.Equal(Some.Date(2023, 3, 31), (await _bot.ItemAsync("R-5"))!.Due);
    }

    [Fact]
    public async Task Revision_WithoutReason_AsksForOne()
    {
        (await _bot.As(Manager).Says("move R-5 to 31 March 2023")).Refuses("needs a reason");
        Assert.Equal(Some.Date(2023, 2, 6), (await _bot.ItemAsync("R-5"))!.Due);
    }

    [Fact]
    public async Task Revision_ToAnImpossibleDate_ChangesNothing()
    {
        (await _bot.As(Manager).Says("move R-5 to 31/02/2023 because of the board")).Refuses("not a real date");
        var item = (await _bot.ItemAsync("R-5"))!;
        Assert.Equal(Some.Date(2023, 2, 6), item.Due);
        Assert.Empty(item.History);
    }

    [Fact]
    public async Task Snooze_ForAWeek_SetsTheDateAndRecordsIt()
    {
        (await _bot.As(Officer).Says("snooze R-5 for a week")).Intent("snooze").Accepted();

        var item = (await _bot.ItemAsync("R-5"))!;
        Assert.Equal(Some.Date(2023, 3, 8), item.SnoozedUntil);
        Assert.Equal("reminders snoozed", item.History[^1].What);
    }

    [Fact]
    public async Task Subscribe_StoresTheDigestPreference_UnsubscribeClearsIt()
    {
        (await _bot.As(Manager).Says("subscribe me to the weekly digest")).Intent("subscribe").Accepted().Replies("Monday", "09:00");
        Assert.NotNull((await _bot.PersonAsync(Manager))!.Preferences.Digest);

        (await _bot.As(Manager).Says("unsubscribe")).Intent("unsubscribe").Accepted();
        Assert.Null((await _bot.PersonAsync(Manager))!.Preferences.Digest);
    }

    [Fact]
    public async Task Subscribe_Anonymous_IsRefused()
    {
        (await _bot.Anonymous.Says("subscribe")).Refuses("don't know who you are");
    }

    [Fact]
    public async Task RepeatedQuestion_IsAnsweredAgainAfterAChange()
    {
        var before = (await _bot.Anonymous.Says("what's overdue?")).Total(7).Reply;
        Assert.Same(before, (await _bot.Anonymous.Says("what's overdue?")).Reply);

        await _bot.As(Clerk).Says("mark R-5 done");

        (await _bot.Anonymous.Says("what's overdue?")).Total(6).DoesNotSay("R-5 ");
    }

    [Fact]
    public async Task MyItems_AreNotSharedBetweenAskers()
    {
        var olivia = (await _bot.As(Officer).Says("my items")).Reply;
        var fred = (await _bot.As(OtherOfficer).Says("my items")).Reply;

        Assert.NotEqual(olivia.Heading, fred.Heading);
        Assert.All(fred.Items, i => Assert.NotEqual("Strategy and MPS Oversight Directorate", i.Owner));
    }

    [Fact]
    public async Task ConcurrentUpdates_AllReachTheHistory()
    {
        await Task.WhenAll(Enumerable.Range(1, 20).Select(i => _bot.As(Clerk).Says($"note on R-5: progress {i}", $"c{i}")));

        Assert.Equal(20, (await _bot.ItemAsync("R-5"))!.History.Count);
    }
}
