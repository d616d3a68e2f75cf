using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using Xunit;

namespace OversightBot.Testing;

/// <summary>
/// The store suite, written against the ports only. Each implementation derives from it and supplies a fresh
/// store; every implementation must pass it unchanged.
/// </summary>
public abstract class StoreContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A new, empty store that implements every port.</summary>
    protected abstract (IItemStore Items, IBoardStore Boards, IPersonStore People, IStoreAdmin Admin) CreateStore();

    [Fact]
    public async Task NewStore_IsEmptyAndHealthy()
    {
        var s = CreateStore();
        Assert.True(await s.Admin.IsEmptyAsync(None));
        var health = await s.Admin.HealthAsync(None);
        Assert.True(health.Ok);
        Assert.True(health.SchemaVersion >= 1);
    }

    [Fact]
    public async Task Item_RoundTripsEveryField()
    {
        var s = CreateStore();
        var item = Some.Item("R-7", due: Some.Date(2023, 2, 28), status: ItemStatus.InProgress);
        item.Recurrence = Recurrence.Quarterly;
        item.SubKind = "Committee";
        item.Reference = "MQ 1844";
        item.SnoozedUntil = Some.Date(2023, 3, 1);
        item.Evidence.Add("https://example.org/evidence");
        item.History.Add(new HistoryEntry { At = new DateTimeOffset(2023, 1, 10, 9, 30, 0, TimeSpan.Zero), By = "a@example.org", What = "status", From = "open", To = "inProgress", Note = "started" });
        item.Revisions.Add(new DueRevision { From = Some.Date(2023, 2, 6), To = Some.Date(2023, 2, 28), Reason = "board overview", RequestedBy = "a@example.org", RequestedAt = new DateTimeOffset(2023, 1, 20, 12, 0, 0, TimeSpan.FromHours(1)), State = RevisionState.Requested });
        await s.Items.UpsertAsync(item, None);

        var back = await s.Items.GetAsync("R-7", None);

        Assert.NotNull(back);
        Assert.Equal(Some.Date(2023, 2, 28), back.Due);
        Assert.Equal(ItemStatus.InProgress, back.Status);
        Assert.Equal(Recurrence.Quarterly, back.Recurrence);
        Assert.Equal("MQ 1844", back.Reference);
        Assert.Equal(Some.Date(2023, 3, 1), back.SnoozedUntil);
        Assert.Equal(item.Source, back.Source);
        Assert.Equal(item.History[0], back.History[0]);
        Assert.Equal(item.Revisions[0], back.Revisions[0]);
        Assert.Equal(["https://example.org/evidence"], back.Evidence);
    }

    [Fact]
    public async Task Overdue_ListsOpenItemsPastDue_MostLateFirst_WithTotal()
    {
        var s = CreateStore();
        await s.Items.UpsertManyAsync(
        [
            Some.Item("R-1", due: Some.Date(2023, 2, 6)),
            Some.Item("R-2", due: Some.Date(2023, 1, 1), status: ItemStatus.InProgress),
            Some.Item("R-3", due: Some.Date(2023, 1, 2), status: ItemStatus.Done),
            Some.Item("R-4", due: Some.Date(2023, 3, 1)),
            Some.Item("R-5", due: null),
            Some.Item("R-6", due: Some.Date(2022, 12, 1), status: ItemStatus.Withdrawn),
            Some.Item("R-7", due: Some.Date(2022, 12, 1), status: ItemStatus.NotAccepted),
        ], None);

        var page = await s.Items.OverdueAsync(Some.Date(2023, 3, 1), 0, 10, None);

        Assert.Equal(2, page.Total);
        Assert.Equal(["R-2", "R-1"], page.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Overdue_PagesWithoutLosingTheCount()
    {
        var s = CreateStore();
        await s.Items.UpsertManyAsync(Enumerable.Range(1, 25).Select(i => Some.Item($"R-{i}", due: Some.Date(2023, 1, i))), None);

        var first = await s.Items.OverdueAsync(Some.Date(2023, 6, 1), 0, 10, None);
        var third = await s.Items.OverdueAsync(Some.Date(2023, 6, 1), 20, 10, None);

        Assert.Equal(25, first.Total);
        Assert.Equal(10, first.Items.Count);
        Assert.Equal("R-1", first.Items[0].Id);
        Assert.Equal(["R-21", "R-22", "R-23", "R-24", "R-25"], third.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Overdue_ReflectsStatusChanges()
    {
        var s = CreateStore();
        var item = Some.Item("R-1", due: Some.Date(2023, 2, 6));
        await s.Items.UpsertAsync(item, None);
        item.Status = ItemStatus.Done;
        await s.Items.UpsertAsync(item, None);

        var page = await s.Items.OverdueAsync(Some.Date(2023, 3, 1), 0, 10, None);

        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task DueBetween_IsInclusive_AndSortedByDate()
    {
        var s = CreateStore();
        await s.Items.UpsertManyAsync(
        [
            Some.Item("R-1", due: Some.Date(2023, 2, 6)),
            Some.Item("R-2", due: Some.Date(2023, 2, 1)),
            Some.Item("R-3", due: Some.Date(2023, 2, 28), status: ItemStatus.Done),
            Some.Item("R-4", due: Some.Date(2023, 3, 1)),
        ], None);

        var all = await s.Items.DueBetweenAsync(Some.Date(2023, 2, 1), Some.Date(2023, 2, 28), openOnly: false, 0, 50, None);
        var open = await s.Items.DueBetweenAsync(Some.Date(2023, 2, 1), Some.Date(2023, 2, 28), openOnly: true, 0, 50, None);

        Assert.Equal(["R-2", "R-1", "R-3"], all.Items.Select(i => i.Id));
        Assert.Equal(["R-2", "R-1"], open.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task ByOwner_MatchesCaseInsensitively_SoonestFirst()
    {
        var s = CreateStore();
        await s.Items.UpsertManyAsync(
        [
            Some.Item("R-1", due: Some.Date(2023, 2, 6), owner: "Strategy Directorate"),
            Some.Item("R-2", due: Some.Date(2023, 1, 6), owner: "strategy directorate"),
            Some.Item("R-3", due: Some.Date(2023, 1, 6), owner: "Finance"),
            Some.Item("R-4", due: Some.Date(2023, 1, 1), owner: "Strategy Directorate", status: ItemStatus.Done),
        ], None);

        var open = await s.Items.ByOwnerAsync(["STRATEGY DIRECTORATE"], openOnly: true, 0, 10, None);
        var all = await s.Items.ByOwnerAsync(["Strategy Directorate"], openOnly: false, 0, 10, None);

        Assert.Equal(["R-2", "R-1"], open.Items.Select(i => i.Id));
        Assert.Equal(3, all.Total);
    }

    [Fact]
    public async Task ClosedBetween_FindsItemsCompletedInTheRange()
    {
        var s = CreateStore();
        await s.Items.UpsertManyAsync(
        [
            Some.Item("R-1", status: ItemStatus.Done, closed: Some.Date(2023, 2, 6)),
            Some.Item("R-2", status: ItemStatus.Done, closed: Some.Date(2023, 3, 6)),
            Some.Item("R-3"),
        ], None);

        var closed = await s.Items.ClosedBetweenAsync(Some.Date(2023, 2, 1), Some.Date(2023, 2, 28), None);

        Assert.Equal(["R-1"], closed.Select(i => i.Id));
    }

    [Fact]
    public async Task NextId_FollowsTheHighestNumberForThePrefix()
    {
        var s = CreateStore();
        Assert.Equal("R-1", await s.Items.NextIdAsync("R", None));
        await s.Items.UpsertManyAsync([Some.Item("R-9"), Some.Item("R-10"), Some.Item("A-40")], None);

        Assert.Equal("R-11", await s.Items.NextIdAsync("R", None));
        Assert.Equal("A-41", await s.Items.NextIdAsync("A", None));
    }

    [Fact]
    public async Task Boards_FoundByIdNameOrAlias()
    {
        var s = CreateStore();
        var board = Some.Board("lcrb", "London Crime Reduction Board", "LCRB");
        board.Meetings.Add(new Meeting { Date = Some.Date(2023, 6, 1) });
        board.Publications.Add(new Publication { Kind = PublicationKind.Minutes, MeetingDate = Some.Date(2023, 6, 1), Published = Some.Date(2023, 7, 1) });
        await s.Boards.UpsertBoardAsync(board, None);

        Assert.Equal("lcrb", (await s.Boards.FindBoardAsync("lcrb", None))?.Id);
        Assert.Equal("lcrb", (await s.Boards.FindBoardAsync("london crime reduction board", None))?.Id);
        var byAlias = await s.Boards.FindBoardAsync("LCRB", None);
        Assert.NotNull(byAlias);
        Assert.Equal(board.Publications, byAlias.Publications);
        Assert.Equal(board.Meetings, byAlias.Meetings);
        Assert.Null(await s.Boards.FindBoardAsync("VAWG", None));
    }

    [Fact]
    public async Task People_FoundByEmailAndChatIdentities()
    {
        var s = CreateStore();
        var person = Some.Person("Olivia.Officer@Example.org");
        person.Accounts["msteams"] = "aad-1";
        person.Accounts["slack"] = "U123";
        person.Preferences.Digest = new DigestSubscription { Day = DayOfWeek.Tuesday, At = new TimeOnly(8, 30) };
        person.Preferences.ReminderOffsetsDays = [7, 1];
        await s.People.UpsertPersonAsync(person, None);

        var byEmail = await s.People.GetPersonAsync("olivia.officer@example.org", None);
        Assert.NotNull(byEmail);
        Assert.Equal(new DigestSubscription { Day = DayOfWeek.Tuesday, At = new TimeOnly(8, 30) }, byEmail.Preferences.Digest);
        Assert.Equal([7, 1], byEmail.Preferences.ReminderOffsetsDays);
        Assert.Equal("olivia.officer@example.org", (await s.People.FindByAccountAsync("msteams", "aad-1", None))?.Email);
        Assert.Equal("olivia.officer@example.org", (await s.People.FindByAccountAsync("slack", "U123", None))?.Email);
        Assert.Null(await s.People.FindByAccountAsync("slack", "U999", None));
        Assert.Null(await s.People.FindByAccountAsync("slack", "aad-1", None));
    }

    [Fact]
    public async Task People_HandedOutAreCopies_ChangingOneChangesNothingStored()
    {
        var s = CreateStore();
        var person = Some.Person("olivia.officer@example.org");
        person.Preferences.ReminderOffsetsDays = [7];
        await s.People.UpsertPersonAsync(person, None);

        var first = await s.People.GetPersonAsync("olivia.officer@example.org", None);
        first!.Name = "Someone Else";
        first.Preferences.ReminderOffsetsDays!.Add(1);
        first.Preferences.ReminderOffsetsDays = null;

        var again = await s.People.GetPersonAsync("olivia.officer@example.org", None);
        Assert.NotEqual("Someone Else", again!.Name);
        Assert.Equal([7], again.Preferences.ReminderOffsetsDays);
        Assert.NotEqual("Someone Else", (await s.People.PeopleAsync(None)).Single().Name);
    }

    [Fact]
    public async Task People_AWriteIsSeenByEveryLookUpAfterIt()
    {
        var s = CreateStore();
        var person = Some.Person("olivia.officer@example.org");
        person.Accounts["msteams"] = "aad-old";
        await s.People.UpsertPersonAsync(person, None);
        Assert.NotNull(await s.People.FindByAccountAsync("msteams", "aad-old", None));
        Assert.Null(await s.People.FindByAccountAsync("msteams", "aad-new", None));

        var changed = (await s.People.GetPersonAsync("olivia.officer@example.org", None))!;
        changed.Accounts["msteams"] = "aad-new";
        changed.Name = "Olivia Renamed";
        await s.People.UpsertPersonAsync(changed, None);
        await s.People.UpsertPersonAsync(Some.Person("new.starter@example.org"), None);

        Assert.Null(await s.People.FindByAccountAsync("msteams", "aad-old", None));
        Assert.Equal("Olivia Renamed", (await s.People.FindByAccountAsync("msteams", "AAD-NEW", None))?.Name);
        Assert.Equal(2, (await s.People.PeopleAsync(None)).Count);
        Assert.NotNull(await s.People.GetPersonAsync(" New.Starter@Example.org ", None));
    }

    [Fact]
    public async Task ConcurrentWrites_AreAllKept()
    {
        var s = CreateStore();
        await Task.WhenAll(Enumerable.Range(1, 200).Select(i => Task.Run(() => s.Items.UpsertAsync(Some.Item($"R-{i}", due: Some.Date(2023, 1, 1 + (i % 28))), None))));

        Assert.Equal(200, await s.Items.CountAsync(None));
        Assert.Equal(200, (await s.Items.OverdueAsync(Some.Date(2024, 1, 1), 0, 1, None)).Total);
    }

    [Fact]
    public async Task Search_FindsItemsByTheirWords_BestMatchFirst()
    {
        var s = CreateStore();
        await s.Items.UpsertManyAsync(
        [
            Some.Item("R-1", title: "Overview of the partnership boards' work"),
            Some.Item("R-2", title: "Publish minutes of partnership meetings"),
            Some.Item("Q-1", title: "Answer the Mayor's Question", kind: ItemKind.Question),
        ], None);
        var q = await s.Items.GetAsync("Q-1", None);
        q!.Reference = "MQ 1844";
        await s.Items.UpsertAsync(q, None);

        var boards = await s.Items.SearchAsync(SearchTerms.ForQuery("the partnership boards recommendation"), 5, None);
        var mq = await s.Items.SearchAsync(SearchTerms.ForQuery("MQ 1844"), 5, None);

        Assert.Equal(["R-1", "R-2"], boards.Select(i => i.Id));
        Assert.Equal("Q-1", mq[0].Id);
        Assert.Empty(await s.Items.SearchAsync(SearchTerms.ForQuery("zebra crossing"), 5, None));
    }

    [Fact]
    public async Task Owners_ListsEachOwnerOnce()
    {
        var s = CreateStore();
        await s.Items.UpsertManyAsync([Some.Item("R-1", owner: "Finance"), Some.Item("R-2", owner: "Finance"), Some.Item("R-3", owner: "a@example.org")], None);
        var before = await s.Items.OwnersAsync(None);
        await s.Items.UpsertAsync(Some.Item("R-4", owner: "Audit"), None);

        Assert.Equal(["a@example.org", "Finance"], before);
        Assert.Equal(["a@example.org", "Audit", "Finance"], await s.Items.OwnersAsync(None));
    }

    [Fact]
    public async Task Totals_FollowDueDateAndStatusChanges()
    {
        var s = CreateStore();
        var item = Some.Item("R-1", due: Some.Date(2023, 2, 6));
        await s.Items.UpsertManyAsync([item, Some.Item("R-2", due: Some.Date(2023, 2, 7))], None);
        item.Due = Some.Date(2023, 4, 1);
        await s.Items.UpsertAsync(item, None);

        Assert.Equal(1, (await s.Items.OverdueAsync(Some.Date(2023, 3, 1), 0, 10, None)).Total);
        Assert.Equal(1, (await s.Items.DueBetweenAsync(Some.Date(2023, 4, 1), Some.Date(2023, 4, 1), openOnly: false, 0, 10, None)).Total);

        item.Status = ItemStatus.Done;
        await s.Items.UpsertAsync(item, None);

        Assert.Equal(0, (await s.Items.DueBetweenAsync(Some.Date(2023, 4, 1), Some.Date(2023, 4, 1), openOnly: true, 0, 10, None)).Total);
        Assert.Equal(1, (await s.Items.DueBetweenAsync(Some.Date(2023, 4, 1), Some.Date(2023, 4, 1), openOnly: false, 0, 10, None)).Total);
        Assert.Equal(0, (await s.Items.DueBetweenAsync(Some.Date(2023, 2, 6), Some.Date(2023, 2, 6), openOnly: false, 0, 10, None)).Total);
    }

    [Fact]
    public async Task Search_CommonWordsDoNotDrownARareOne()
    {
        var s = CreateStore();
        await s.Items.UpsertManyAsync(Enumerable.Range(1, 300).Select(i => Some.Item($"A-{i}", title: $"Governance plan action {i}")), None);
        await s.Items.UpsertAsync(Some.Item("R-1", title: "Governance plan for the zebra crossing"), None);

        var rare = await s.Items.SearchAsync(SearchTerms.ForQuery("zebra governance plan"), 3, None);
        var onlyCommon = await s.Items.SearchAsync(SearchTerms.ForQuery("governance plan"), 3, None);

        Assert.Equal("R-1", rare[0].Id);
        Assert.Equal(3, onlyCommon.Count);
    }

    [Fact]
    public async Task ByOwner_OpenItems_PageAcrossSeveralOwnersWithTheTotal()
    {
        var s = CreateStore();
        await s.Items.UpsertManyAsync(Enumerable.Range(1, 30).Select(i => Some.Item($"R-{i}", due: Some.Date(2023, 1, i), owner: i % 2 == 0 ? "Team A" : "a@example.org", status: i % 5 == 0 ? ItemStatus.Done : ItemStatus.Open)), None);

        var first = await s.Items.ByOwnerAsync(["Team A", "A@example.org"], openOnly: true, 0, 10, None);
        var second = await s.Items.ByOwnerAsync(["Team A", "A@example.org"], openOnly: true, 10, 10, None);

        Assert.Equal(24, first.Total);
        Assert.Equal(["R-1", "R-2", "R-3", "R-4", "R-6", "R-7", "R-8", "R-9", "R-11", "R-12"], first.Items.Select(i => i.Id));
        Assert.Equal("R-13", second.Items[0].Id);
    }
}
