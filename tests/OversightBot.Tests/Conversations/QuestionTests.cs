using OversightBot.Testing;
using static OversightBot.Tests.Conversations.ScriptedBot;

namespace OversightBot.Tests.Conversations;

/// <summary>Questions officers ask, answered from the demo data.</summary>
public sealed class QuestionTests : IAsyncLifetime
{
    private ScriptedBot _bot = null!;

    public async Task InitializeAsync() => _bot = await StartAsync(Some.Date(2023, 3, 1));

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Overdue_OnFirstMarch2023_ListsTheLettersDeadlinesMostLateFirst()
    {
        (await _bot.Anonymous.Says("what's overdue?"))
            .Intent("overdue")
            .Total(7)
            .Replies("7 items are overdue", "S-8", "104 days late", "Strategy and MPS Oversight Directorate", "Partnership Team");
        var reply = (await _bot.Anonymous.Says("anything late?")).Intent("overdue").Reply;
        Assert.Equal("S-8", reply.Items[0].Id);
        Assert.Equal(reply.Items.Select(i => i.DaysOverdue).OrderByDescending(d => d), reply.Items.Select(i => i.DaysOverdue));
    }

    [Fact]
    public async Task Overdue_BeforeAnyDeadline_SaysNothingIsOverdue()
    {
        _bot.Today = Some.Date(2022, 1, 1);
        (await _bot.Anonymous.Says("which recommendations are past their deadline?")).Intent("overdue").Total(0).Replies("Nothing is overdue");
    }

    [Fact]
    public async Task Overdue_LongList_PagesWithMore()
    {
        _bot.Today = Some.Date(2024, 6, 1);
        var first = (await _bot.Anonymous.Says("what's overdue?")).Intent("overdue").Replies("showing 1–10", "say \"more\"").Reply;
        Assert.Equal(10, first.Shown);
        Assert.True(first.Total > 20);

        var second = (await _bot.Anonymous.Says("more")).Replies("showing 11–20").Reply;

        Assert.Equal(first.Total, second.Total);
        // Occurrences of one series share its id, so a line is known by id and due date.
        Assert.Empty(first.Items.Select(i => (i.Id, i.Due)).Intersect(second.Items.Select(i => (i.Id, i.Due))));
    }

    [Fact]
    public async Task More_WithNothingBefore_SaysThereIsNothingMore()
    {
        (await _bot.Anonymous.Says("more", conversation: "fresh")).Replies("nothing more");
    }

    [Fact]
    public async Task Due_ThisWeek_ListsTheReplyDueOnFriday()
    {
        _bot.Today = Some.Date(2023, 2, 1);
        (await _bot.Anonymous.Says("what's due this week?")).Intent("due").Lists("S-2").Replies("Fri 3 Feb 2023");
    }

    [Fact]
    public async Task Due_LastWeek_ShowsWhetherItWasDelivered()
    {
        _bot.Today = Some.Date(2023, 2, 13);
        (await _bot.Anonymous.Says("what was due last week?")).Intent("due").Total(4).Replies("were due", "not delivered yet", "Delivered on time: 0 of 4");
    }

    [Fact]
    public async Task Due_NothingInRange_SaysSo()
    {
        _bot.Today = Some.Date(2023, 7, 10);
        (await _bot.Anonymous.Says("what's due this week?")).Intent("due").Total(0).Replies("Nothing open is due");
    }

    [Fact]
    public async Task Status_ById_ShowsOwnerDueSourceAndButtons()
    {
        var said = (await _bot.As(Clerk).Says("status R-10")).Intent("status")
            .Replies("R-10", "Partnership Team", "Tue 28 Feb 2023", "Police and Crime Committee", "Quote:");
        Assert.Contains(said.Reply.Actions, a => a.Verb == "done" && a.Value == "mark R-10 done");
    }

    [Fact]
    public async Task Status_AskedByAnUnknownPerson_OffersNoButtonsTheyMayNotUse()
    {
        var said = (await _bot.Anonymous.Says("status R-10")).Intent("status").Replies("R-10", "Partnership Team");
        Assert.DoesNotContain(said.Reply.Actions, a => a.Verb == "done");
    }

    [Fact]
    public async Task Status_ByReference_FindsTheMayorsQuestion()
    {
        (await _bot.Anonymous.Says("status MQ 1844")).Intent("status").Lists("Q-12").Replies("stop and search");
    }

    [Fact]
    public async Task Status_SeveralMatches_OffersANumberedChoice()
    {
        var said = (await _bot.Anonymous.Says("what's the status of the Black Thrive review?")).Intent("status").Replies("which one?", "1. ");
        Assert.True(said.Reply.Items.Count >= 2);
    }

    [Fact]
    public async Task Status_NoMatch_Suggests()
    {
        (await _bot.Anonymous.Says("status of the zebra crossing")).Intent("status").Replies("couldn't find", "R-1");
    }

    [Fact]
    public async Task Owner_Team_ListsItsOpenItems()
    {
        var said = (await _bot.Anonymous.Says("what does the Partnership Team own?")).Intent("owner").Replies("Partnership Team");
        Assert.All(said.Reply.Items, i => Assert.Equal("Partnership Team", i.Owner));
        Assert.Contains(said.Reply.Items, i => i.Id == "R-10");
    }

    [Fact]
    public async Task Owner_TeamByPartOfItsName_PicksTheBestMatch()
    {
        var said = (await _bot.Anonymous.Says("what does the Strategy directorate own?")).Intent("owner").Replies("Strategy and MPS Oversight Directorate");
        Assert.All(said.Reply.Items, i => Assert.Equal("Strategy and MPS Oversight Directorate", i.Owner));
        Assert.True(said.Reply.Total > 10);
    }

    [Fact]
    public async Task Owner_APerson_ByFirstName()
    {
        (await _bot.Anonymous.Says("what does Olivia own?")).Intent("owner").Replies("Olivia Officer");
    }

    [Fact]
    public async Task Owner_MyItems_UsesTheAskersTeam()
    {
        var said = (await _bot.As(Officer).Says("what's on my plate?")).Intent("owner").Replies("Strategy and MPS Oversight Directorate");
        Assert.All(said.Reply.Items, i => Assert.Equal("Strategy and MPS Oversight Directorate", i.Owner));
    }

    [Fact]
    public async Task Owner_MyItems_Anonymous_ExplainsWhy()
    {
        (await _bot.Anonymous.Says("my actions")).Intent("owner").Replies("don't know who you are");
    }

    [Fact]
    public async Task Owner_Unknown_SaysSo()
    {
        (await _bot.Anonymous.Says("what does the Ministry of Magic own?")).Intent("owner").Replies("don't know an owner");
    }

    [Fact]
    public async Task Boards_All_ListsStaleBoardsWithReasons()
    {
        _bot.Today = Some.Date(2023, 11, 23);
        var said = (await _bot.Anonymous.Says("which boards haven't published minutes?")).Intent("boards").Replies("behind on publication");
        Assert.Contains(said.Reply.Boards, b => b.Stale && b.Reasons.Count > 0);
    }

    [Fact]
    public async Task Boards_One_ByAlias_ShowsLatestPublications()
    {
        var said = (await _bot.Anonymous.Says("is the VAWG board page up to date?")).Intent("boards").Replies("Violence Against Women and Girls Board", "Last minutes");
        Assert.Single(said.Reply.Boards);
    }

    [Theory]
    [InlineData("is the LCRB up to date?", "London Crime Reduction Board")]
    [InlineData("has the Joint Audit Panel published its minutes?", "Joint Audit Panel")]
    [InlineData("what about the VRU PRG", "VRU Partnership Reference Group")]
    public async Task Boards_NamedWithoutTheWordBoard_AreStillFound(string question, string board)
    {
        var said = (await _bot.Anonymous.Says(question)).Intent("boards").Replies(board);
        Assert.Single(said.Reply.Boards);
    }

    [Fact]
    public async Task Overdue_ForATeam_ListsOnlyThatTeamsLateItems()
    {
        var said = (await _bot.Anonymous.Says("what is overdue for the Partnership Team?")).Intent("overdue").Replies("for Partnership Team");
        Assert.Equal(["R-7", "R-8", "R-10"], said.Reply.Items.Select(i => i.Id));
        Assert.Equal(3, said.Reply.Total);
        (await _bot.Anonymous.Says("what's overdue for the Ministry of Magic?")).Intent("overdue").Replies("don't know an owner");
    }

    [Fact]
    public async Task Unplaced_TextNamingAnItem_GetsItsStatus()
    {
        (await _bot.Anonymous.Says("show me the stop and search question")).Intent("status").Replies("MQ 1844");
        (await _bot.Anonymous.Says("tell me a joke")).Intent("unknown");
    }

    [Fact]
    public async Task Digest_OnDemand_HasEverySection()
    {
        (await _bot.As(Manager).Says("weekly summary please")).Intent("digest")
            .Replies("Overdue now", "Became overdue in the last 7 days", "Due in the next 14 days", "Completed in the last 7 days", "Boards behind on publication");
    }

    [Fact]
    public async Task Help_And_Unknown_AreHelpful()
    {
        (await _bot.Anonymous.Says("help")).Intent("help").Replies("what's overdue?");
        (await _bot.Anonymous.Says("purple monkey dishwasher")).Intent("unknown").Replies("help");
    }
}
