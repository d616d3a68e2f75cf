using OversightBot.Core.Domain;
using OversightBot.Testing;

namespace OversightBot.Core.Tests.Domain;

public sealed class ModelV2Tests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    [Theory]
    [InlineData("2023-02-06", "6 February 2023", "2023-02-06")]
    [InlineData("2020-12", "December 2020", "2020-12-31")]
    [InlineData("2023-Q1", "Q1 2023", "2023-03-31")]
    [InlineData("2023", "2023", "2023-12-31")]
    [InlineData("2023/24", "2023/24", "2024-03-31")]
    [InlineData("2023/24-Q2", "Q2 2023/24", "2023-09-30")]
    public void FlexDate_IsShownAsWrittenAndFallsDueOnItsLastDay(string code, string text, string end)
    {
        var date = FlexDate.Parse(code);

        Assert.Equal(text, date.Text);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), date.End);
        Assert.Equal(code, date.Code);
    }

    [Theory]
    [InlineData("2023-13")]
    [InlineData("2023/25")]
    [InlineData("next year")]
    public void FlexDate_BadText_IsRefused(string code) => Assert.False(FlexDate.TryParse(code, out _));

    [Fact]
    public void Monthly_EndOfMonth_FollowsEveryMonthEnd()
    {
        var rule = new RecurrenceRule { Frequency = RecurrenceFrequency.Monthly, Anchor = Some.Date(2023, 4, 1) };

        var dues = RecurrenceCalculator.Between(rule, Some.Date(2023, 4, 1), Some.Date(2023, 7, 31)).Select(o => o.Due);

        Assert.Equal([Some.Date(2023, 4, 30), Some.Date(2023, 5, 31), Some.Date(2023, 6, 30), Some.Date(2023, 7, 31)], dues);
    }

    [Fact]
    public void Legacy_MonthlyFrom30April_RollsTo31May()
    {
        var rule = RecurrenceRule.FromLegacy(Recurrence.Monthly, Some.Date(2023, 4, 30));

        Assert.Equal(Some.Date(2023, 5, 31), RecurrenceCalculator.At(rule, 1)!.Value.Due);
        Assert.Equal(Some.Date(2023, 4, 30), RecurrenceCalculator.At(rule, 0)!.Value.Due);
    }

    [Fact]
    public void FinancialQuarters_DueDaysAfterQuarterEnd_AndCountEndsTheSeries()
    {
        var rule = new RecurrenceRule
        {
            Frequency = RecurrenceFrequency.FinancialQuarters,
            Anchor = Some.Date(2023, 4, 1),
            DueDay = DueDayKind.DaysAfterPeriodEnd,
            DueDays = 28,
            Count = 2,
        };

        var all = RecurrenceCalculator.Between(rule, Some.Date(2023, 1, 1), Some.Date(2025, 1, 1)).ToList();

        Assert.Equal([Some.Date(2023, 7, 28), Some.Date(2023, 10, 28)], all.Select(o => o.Due));
        Assert.Equal("Q1 2023/24", Occurrence.Planned("S-1", all[0]).Label);
        Assert.Null(rule.Problem());
    }

    [Theory]
    [InlineData("2023-01-01", "2023-03-31", "Q4 2022/23")]
    [InlineData("2023-04-01", "2023-06-30", "Q1 2023/24")]
    [InlineData("2023-10-01", "2023-12-31", "Q3 2023/24")]
    public void OccurrenceLabel_EveryQuarter_ReadsInTheFinancialYear(string start, string end, string label) =>
        Assert.Equal(label, OccurrenceLabels.Of(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void TrackFrom_LeavesEarlierOccurrencesUntracked()
    {
        var rule = new RecurrenceRule { Frequency = RecurrenceFrequency.Quarterly, Anchor = Some.Date(2022, 1, 1), TrackFrom = Some.Date(2023, 1, 1) };

        var first = RecurrenceCalculator.FirstOnOrAfter(rule, Some.Date(2020, 1, 1));

        Assert.Equal(Some.Date(2023, 3, 31), first!.Value.Due);
    }

    [Fact]
    public void Board_WithNothingOnRecord_IsUnknownNotUpToDate()
    {
        var board = Some.Board();
        board.Source = Some.Source();

        Assert.Equal(BoardStanding.Unknown, BoardStaleness.Standing(board, Some.Date(2026, 1, 1)));
    }

    [Fact]
    public void Board_NeverPublishedSinceCreated_IsStaleFromItsCreation()
    {
        var board = Some.Board();
        board.NeverPublished = true;
        board.Created = Some.Date(2022, 1, 10);

        var reason = Assert.Single(BoardStaleness.Evaluate(board, Some.Date(2022, 6, 1)));

        Assert.Equal(Some.Date(2022, 1, 10), reason.Since);
        Assert.Contains("since it was created", reason.Text, StringComparison.Ordinal);
        Assert.Equal(BoardStanding.Stale, BoardStaleness.Standing(board, Some.Date(2022, 6, 1)));
    }

    [Fact]
    public void Board_MonthOnlyPublication_IsShownAsTheMonth()
    {
        var board = Some.Board();
        board.Publications.Add(new Publication { Kind = PublicationKind.Minutes, Published = Some.Date(2020, 12, 31), PublishedPrecision = DatePrecision.Month });

        var reason = Assert.Single(BoardStaleness.Evaluate(board, Some.Date(2023, 1, 1)));

        Assert.Equal("nothing published since December 2020", reason.Text);
    }

    [Fact]
    public void Rag_OverdueIsRed_DueSoonNotStartedIsAmber_ElseGreen()
    {
        var today = Some.Date(2023, 3, 1);

        Assert.Equal(Rag.Red, RagRule.Default.Evaluate(Some.Item(due: Some.Date(2023, 2, 1)), today).Rag);
        Assert.Equal(Rag.Amber, RagRule.Default.Evaluate(Some.Item(due: Some.Date(2023, 3, 20)), today).Rag);
        Assert.Equal(Rag.Green, RagRule.Default.Evaluate(Some.Item(due: Some.Date(2023, 3, 20), status: ItemStatus.InProgress), today).Rag);
        Assert.Equal(Rag.Complete, RagRule.Default.Evaluate(Some.Item(due: Some.Date(2023, 2, 1), status: ItemStatus.Done), today).Rag);
        Assert.Equal(Rag.Red, (RagRule.Default with { RedAfterRevisions = 0 }).Evaluate(Revised(Some.Item(due: Some.Date(2023, 9, 1))), today).Rag);
    }

    [Fact]
    public void AsAt_UndoesLaterStatusAndDueChanges()
    {
        var item = Some.Item("R-1", due: Some.Date(2023, 3, 31), status: ItemStatus.Done);
        item.History.Add(new HistoryEntry { At = new DateTimeOffset(2023, 2, 1, 10, 0, 0, TimeSpan.Zero), By = "a", What = "due date revised", From = "Mon 6 Feb 2023", To = "Fri 31 Mar 2023" });
        item.History.Add(new HistoryEntry { At = new DateTimeOffset(2023, 3, 10, 10, 0, 0, TimeSpan.Zero), By = "a", What = "status", From = "open", To = "done", FromStatus = ItemStatus.Open, ToStatus = ItemStatus.Done });

        var january = ItemAsAt.Reconstruct(item, Some.Date(2023, 1, 20), Utc);
        var march = ItemAsAt.Reconstruct(item, Some.Date(2023, 3, 5), Utc);

        Assert.Equal((ItemStatus.Open, Some.Date(2023, 2, 6)), (january.Status, january.Due));
        Assert.Equal((ItemStatus.Open, Some.Date(2023, 3, 31)), (march.Status, march.Due));
        Assert.Equal(Rag.Amber, march.Rag.Rag);
    }

    [Fact]
    public void Parts_SummariseTheParentsStanding()
    {
        var parts = new[] { Some.Item("R-7", status: ItemStatus.Done), Some.Item("R-8", due: Some.Date(2023, 1, 1)), Some.Item("R-9") };

        var summary = PartsSummary.Of(parts, Some.Date(2023, 2, 1));

        Assert.Equal("1 of 3 parts done; 1 overdue", summary.Text);
        Assert.Equal(ItemStatus.InProgress, summary.Status);
    }

    [Fact]
    public void Closure_RecommendationWithoutEvidence_IsRefused()
    {
        var rules = new ClosureRules();
        var item = Some.Item("R-1");

        Assert.NotNull(rules.Check(item, Some.Person()));
        item.EvidenceEntries.Add(new EvidenceEntry { Kind = EvidenceKind.CommitteePaper, What = "Paper 5", Added = Some.Date(2023, 2, 1), AddedBy = "a" });
        Assert.Null(rules.Check(item, Some.Person()));
    }

    [Fact]
    public void Statistic_RateComesFromTheQuotedCounts()
    {
        var stat = new Statistic { Id = "x", Measure = "m", Numerator = 79, Denominator = 100, Source = Some.Source(), Quote = "79" };

        Assert.Equal(79m, stat.Rate);
    }

    private static TrackedItem Revised(TrackedItem item)
    {
        item.Revisions.Add(new DueRevision { From = null, To = Some.Date(2023, 9, 1), Reason = "r", RequestedBy = "a", RequestedAt = DateTimeOffset.UnixEpoch });
        return item;
    }
}
