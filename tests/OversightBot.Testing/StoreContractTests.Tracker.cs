using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using Xunit;

namespace OversightBot.Testing;

/// <summary>Model v2 ports: occurrences, appended history, links, themes, "awaiting others", statistics.</summary>
public abstract partial class StoreContractTests
{
    private static TrackedItem MonthlySeries(string id = "S-3", string owner = "Strategy and MPS Oversight Directorate")
    {
        var series = Some.Item(id, owner: owner, kind: ItemKind.StatutoryDuty, title: "Monthly report");
        series.Series = new RecurrenceRule { Frequency = RecurrenceFrequency.Monthly, Anchor = Some.Date(2023, 4, 1) };
        return series;
    }

    [Fact]
    public async Task Series_DueNextQuarter_ListsEachOccurrenceInTheRange()
    {
        var s = CreateStore();
        await s.Items.UpsertManyAsync([MonthlySeries(), Some.Item("R-1", due: Some.Date(2023, 8, 15))], None);

        var page = await s.Items.DueBetweenAsync(Some.Date(2023, 7, 1), Some.Date(2023, 9, 30), true, 0, 10, None);

        Assert.Equal(4, page.Total);
        Assert.Equal([Some.Date(2023, 7, 31), Some.Date(2023, 8, 15), Some.Date(2023, 8, 31), Some.Date(2023, 9, 30)], page.Items.Select(i => i.Due));
        var july = page.Items[0];
        Assert.Equal("S-3", july.Id);
        Assert.Equal("S-3@2023-07-01", july.Occurrence!.Key);
        Assert.Contains("July 2023", july.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Series_Overdue_ListsEveryOpenOccurrencePastItsDate()
    {
        var s = CreateStore();
        await s.Items.UpsertAsync(MonthlySeries(), None);

        var page = await s.Items.OverdueAsync(Some.Date(2023, 7, 15), 0, 10, None);

        Assert.Equal(3, page.Total);
        Assert.Equal([Some.Date(2023, 4, 30), Some.Date(2023, 5, 31), Some.Date(2023, 6, 30)], page.Items.Select(i => i.Due));
        Assert.All(page.Items, i => Assert.True(i.IsOverdue(Some.Date(2023, 7, 15))));
    }

    [Fact]
    public async Task Series_MarkingAnOccurrenceDone_RevealsTheNextAndLeavesTheSeriesOpen()
    {
        var s = CreateStore();
        var occurrences = (IOccurrenceStore)s.Items;
        await s.Items.UpsertAsync(MonthlySeries(), None);

        var april = await occurrences.CurrentOccurrenceAsync("S-3", None);
        april!.Status = ItemStatus.Done;
        april.Closed = Some.Date(2023, 5, 2);
        april.History.Add(new HistoryEntry { At = DateTimeOffset.UnixEpoch, By = "clerk@example.org", What = "status", ToStatus = ItemStatus.Done });
        var next = await occurrences.SaveOccurrenceAsync(april, None);

        Assert.Equal(Some.Date(2023, 5, 31), next!.Due);
        var series = await s.Items.GetAsync("S-3", None);
        Assert.Equal(ItemStatus.Open, series!.Status);
        Assert.Equal(Some.Date(2023, 5, 31), series.Due);
        Assert.Equal(ItemStatus.Done, (await occurrences.GetOccurrenceAsync("S-3@2023-04-01", None))!.Status);
        Assert.Equal(2, (await s.Items.OverdueAsync(Some.Date(2023, 7, 15), 0, 10, None)).Total);
    }

    [Fact]
    public async Task Series_AListedOccurrence_CannotBeSavedAsAnItem()
    {
        var s = CreateStore();
        await s.Items.UpsertAsync(MonthlySeries(), None);
        var listed = (await s.Items.OverdueAsync(Some.Date(2023, 6, 1), 0, 1, None)).Items[0];

        await Assert.ThrowsAsync<ArgumentException>(() => s.Items.UpsertAsync(listed, None));
    }

    [Fact]
    public async Task Series_WithABadRule_IsRefusedAndNothingChanges()
    {
        var s = CreateStore();
        var bad = MonthlySeries();
        bad.Series = bad.Series! with { Frequency = RecurrenceFrequency.EveryNMonths, IntervalMonths = 0 };

        await Assert.ThrowsAsync<ArgumentException>(() => s.Items.UpsertAsync(bad, None));
        Assert.Null(await s.Items.GetAsync("S-3", None));
    }

    [Fact]
    public async Task Series_OwnersOpenItems_IncludeTheCurrentOccurrence()
    {
        var s = CreateStore();
        await s.Items.UpsertAsync(MonthlySeries(owner: "Team A"), None);

        var page = await s.Items.ByOwnerAsync(["team a"], true, 0, 10, None);

        Assert.Contains(page.Items, i => i.Occurrence is not null && i.Due == Some.Date(2023, 4, 30));
    }

    [Fact]
    public async Task History_IsAppended_NeverRewrittenOrLost()
    {
        var s = CreateStore();
        var item = Some.Item("R-1");
        item.History.Add(new HistoryEntry { At = DateTimeOffset.UnixEpoch, By = "a", What = "note", Note = "first" });
        item.History.Add(new HistoryEntry { At = DateTimeOffset.UnixEpoch.AddDays(1), By = "a", What = "note", Note = "second" });
        await s.Items.UpsertAsync(item, None);

        var head = await s.Items.GetForUpdateAsync("R-1", None);
        head!.History.Add(new HistoryEntry { At = DateTimeOffset.UnixEpoch.AddDays(2), By = "b", What = "status", FromStatus = ItemStatus.Open, ToStatus = ItemStatus.InProgress });
        head.Status = ItemStatus.InProgress;
        await s.Items.UpsertAsync(head, None);

        var back = await s.Items.GetAsync("R-1", None);
        Assert.Equal(["first", "second", null], back!.History.Select(h => h.Note));
        Assert.Equal(ItemStatus.InProgress, back.History[2].ToStatus);
        Assert.Equal(ItemStatus.InProgress, back.Status);
    }

    [Fact]
    public async Task AwaitingOthers_ExternalItems_AreListedWhenAskedButNotInOwnOverdue()
    {
        var s = CreateStore();
        var external = Some.Item("R-11", due: Some.Date(2023, 2, 1), owner: "Police and Crime Committee");
        external.OwnerExternal = true;
        external.InternalContact = "Strategy and MPS Oversight Directorate";
        await s.Items.UpsertManyAsync([external, Some.Item("R-1", due: Some.Date(2023, 2, 1))], None);

        var overdue = await s.Items.OverdueAsync(Some.Date(2023, 3, 1), 0, 10, None);
        var awaiting = await s.Items.AwaitingOthersAsync(0, 10, None);

        Assert.Equal(["R-1"], overdue.Items.Select(i => i.Id));
        Assert.Equal(1, overdue.Total);
        Assert.Equal(["R-11"], awaiting.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Links_PartsAddressesAndThemes_AreFound()
    {
        var s = CreateStore();
        var a = Some.Item("R-7");
        a.ParentId = "R-6";
        a.PartLabel = "(a)";
        var action = Some.Item("A-11", kind: ItemKind.ImprovementAction);
        action.Addresses = ["R-6", "A-19"];
        action.Themes = ["Partnership boards"];
        await s.Items.UpsertManyAsync([Some.Item("R-6"), a, action], None);

        Assert.Equal(["R-7"], (await s.Items.PartsAsync("R-6", None)).Select(i => i.Id));
        Assert.Equal(["A-11"], (await s.Items.AddressedByAsync("A-19", None)).Select(i => i.Id));
        Assert.Equal(["A-11"], (await s.Items.ByThemeAsync("partnership boards", None)).Select(i => i.Id));
    }

    [Fact]
    public async Task Item_NewFields_RoundTrip()
    {
        var s = CreateStore();
        var item = Some.Item("R-20", due: Some.Date(2024, 3, 31));
        item.DueAsWritten = FlexDate.InFinancialYear(2023);
        item.Response = new ItemResponse { Acceptance = Acceptance.PartlyAccepted, On = Some.Date(2023, 3, 1), Link = "https://example.org/r" };
        item.OtherSources.Add(Some.Source("HMICFRS inspection") with { Kind = SourceKind.Inspection, Reference = "Recommendation 3", Published = Some.Date(2022, 11, 1) });
        item.EvidenceEntries.Add(new EvidenceEntry { Kind = EvidenceKind.CommitteePaper, What = "Item 5", Added = Some.Date(2023, 4, 1), AddedBy = "a", VerifiedBy = "Internal audit" });
        item.ReportTo = new MeetingRef { Body = "Police and Crime Committee" };
        item.Accountable = "MOPAC";
        item.UpdateEveryDays = 31;
        await s.Items.UpsertAsync(item, None);

        var back = await s.Items.GetAsync("R-20", None);

        Assert.Equal(FlexDate.InFinancialYear(2023), back!.DueAsWritten);
        Assert.Equal(item.Response, back.Response);
        Assert.Equal(item.OtherSources[0], back.OtherSources[0]);
        Assert.Equal(item.EvidenceEntries[0], back.EvidenceEntries[0]);
        Assert.Equal(item.ReportTo, back.ReportTo);
        Assert.Equal(("MOPAC", 31), (back.Accountable, back.UpdateEveryDays));
    }

    [Fact]
    public async Task Statistics_RoundTripInIdOrder()
    {
        var s = CreateStore();
        var stats = (IStatisticStore)s.Items;
        await stats.UpsertStatisticAsync(new Statistic { Id = "mq-on-time", Measure = "Mayor's Questions answered on time", Percent = 38m, Denominator = 659, Source = Some.Source(), Quote = "38%" }, None);
        await stats.UpsertStatisticAsync(new Statistic { Id = "foi-on-time", Measure = "FOI requests answered on time", Percent = 79m, Source = Some.Source(), Quote = "79%" }, None);

        var all = await stats.StatisticsAsync(None);

        Assert.Equal(["foi-on-time", "mq-on-time"], all.Select(x => x.Id));
        Assert.Equal(38m, all[1].Rate);
    }
}
