using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using OversightBot.Core.Domain;
using OversightBot.Import.Importing;
using OversightBot.Import.Reading;
using OversightBot.Import.Reports;
using OversightBot.Storage.LiteDb;
using OversightBot.Testing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace OversightBot.Import.Tests;

/// <summary>Committee papers from the store: valid Word documents whose figures match the store, as at a chosen day.</summary>
public sealed class ReportTests : IDisposable
{
    private static readonly DateOnly AsAt = new(2024, 2, 15);
    private readonly TempFolder _folder = new();
    private readonly LiteDbStore _store;

    public ReportTests() => _store = new LiteDbStore(_folder.File("items.db"));

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task RagReport_Docx_IsValidAndItsFiguresMatchTheStore()
    {
        var items = await ImportSeedsAsync();
        var done = items.First(i => i.Kind == ItemKind.ImprovementAction);
        done.Status = ItemStatus.Done;
        done.Closed = new DateOnly(2023, 12, 1);
        done.History.Add(new HistoryEntry { At = new DateTimeOffset(2023, 12, 1, 10, 0, 0, TimeSpan.Zero), By = "clerk", What = "status", From = "open", To = "done", FromStatus = ItemStatus.Open, ToStatus = ItemStatus.Done });
        done.Revisions.Add(new DueRevision { From = new DateOnly(2024, 3, 31), To = new DateOnly(2024, 6, 30), Reason = "later", RequestedBy = "clerk", RequestedAt = new DateTimeOffset(2023, 11, 1, 9, 0, 0, TimeSpan.Zero) });

        var report = CommitteeReports.ImprovementPlanRag(items, "Annual Governance Statement", AsAt);
        var bytes = DocxReport.Write(report);

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var cells = document.MainDocumentPart!.Document!.Body!.Descendants<W.TableRow>().Select(r => r.Descendants<W.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        var actions = items.Count(i => i.Kind == ItemKind.ImprovementAction);
        Assert.Equal(["2023/24 Q4", actions.ToString(), "0", "0", (actions - 1).ToString(), "1", "0", "1"], cells[1]);
        Assert.Equal("Total", cells[^1][0]);
    }

    [Fact]
    public async Task RagReport_AsAtBeforeTheStatusChange_ShowsTheItemStillOpen()
    {
        var items = await ImportSeedsAsync();
        var done = items.First(i => i.Kind == ItemKind.ImprovementAction);
        done.Status = ItemStatus.Done;
        done.Closed = new DateOnly(2023, 12, 1);
        done.History.Add(new HistoryEntry { At = new DateTimeOffset(2023, 12, 1, 10, 0, 0, TimeSpan.Zero), By = "clerk", What = "status", FromStatus = ItemStatus.Open, ToStatus = ItemStatus.Done });

        var before = CommitteeReports.ImprovementPlanRag(items, null, new DateOnly(2023, 11, 1)).Tables[0];
        Assert.Equal("0", before.Totals![5]);
        var after = CommitteeReports.ImprovementPlanRag(items, null, AsAt).Tables[0];
        Assert.Equal("1", after.Totals![5]);
    }

    [Fact]
    public async Task SummaryListOfActions_ListsTheCommitteesOpenActions_InHtmlAndWord()
    {
        var items = await ImportSeedsAsync();
        var report = CommitteeReports.SummaryListOfActions(items, "Police and Crime Committee", new DateOnly(2023, 3, 1));
        var rows = report.Tables[0].Rows;
        var expected = items.Where(i => i.IsOpen && (i.Source.Issuer.Contains("Police and Crime Committee", StringComparison.Ordinal) || i.Owner.Contains("Police and Crime Committee", StringComparison.Ordinal)) && (i.Opened ?? i.Source.Date) <= new DateOnly(2023, 3, 1)).Select(i => i.Id).Order().ToList();
        Assert.Equal(expected, rows.Select(r => r[0]).Order().ToList());
        Assert.Contains(rows, r => r[5] == "6 February 2023" && r[6] == "Open (RED)");
        var html = HtmlReport.Write(report);
        Assert.Contains("<th scope=\"col\">Action</th>", html, StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(new MemoryStream(DocxReport.Write(report)), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Theory]
    [InlineData(2023, 4, 1, "2023/24 Q1")]
    [InlineData(2023, 9, 30, "2023/24 Q2")]
    [InlineData(2023, 12, 31, "2023/24 Q3")]
    [InlineData(2024, 3, 31, "2023/24 Q4")]
    public void Quarter_IsTheUkFinancialYearQuarter(int y, int m, int d, string expected) =>
        Assert.Equal(expected, CommitteeReports.Quarter(new DateOnly(y, m, d)));

    private async Task<List<TrackedItem>> ImportSeedsAsync()
    {
        var importer = new Importer(_store, TimeProvider.System);
        await importer.CommitAsync(await importer.PlanAsync(Seeds.All.Select(s => InputFile.Load(Seeds.PathOf(s))), "auto", CancellationToken.None), "test", CancellationToken.None);
        var list = new List<TrackedItem>();
        await foreach (var item in _store.AllAsync(CancellationToken.None))
        {
            list.Add(item);
        }

        return list;
    }
}
