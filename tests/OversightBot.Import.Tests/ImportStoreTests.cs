using System.Text;
using System.Text.Json;
using OversightBot.Core.Domain;
using OversightBot.Import.Drafting;
using OversightBot.Import.Export;
using OversightBot.Import.Importing;
using OversightBot.Import.Reading;
using OversightBot.Storage.LiteDb;
using OversightBot.Testing;

namespace OversightBot.Import.Tests;

/// <summary>Importing into a real LiteDB file: idempotent, edits kept, exports that import back.</summary>
public sealed class ImportStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LiteDbStore _store;
    private readonly Importer _importer;

    public ImportStoreTests()
    {
        _store = new LiteDbStore(_folder.File("items.db"));
        _importer = new Importer(_store, TimeProvider.System);
    }

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task ImportAllSeedsTwice_SecondImportLeavesTheStoreUnchanged()
    {
        var first = await ImportAsync(Seeds.All.Select(s => InputFile.Load(Seeds.PathOf(s))));
        Assert.Equal(55, first.NewCount);
        var before = await SnapshotAsync();
        var revision = _store.Revision;

        var second = await ImportAsync(Seeds.All.Select(s => InputFile.Load(Seeds.PathOf(s))));

        Assert.Equal(0, second.NewCount);
        Assert.All(second.Items, i => Assert.Equal(PlannedAction.AlreadyImported, i.Action));
        Assert.Equal(revision, _store.Revision);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task ReimportAsPdf_AfterAnEdit_KeepsTheEdit()
    {
        var plan = await ImportAsync([InputFile.Load(Seeds.PathOf(Seeds.Letter))]);
        var id = plan.Items.First(i => i.Draft.Recurrence == Recurrence.Quarterly).Draft.Id;
        var item = (await _store.GetAsync(id, CancellationToken.None))!;
        item.Owner = "Strategy and MPS Oversight Directorate";
        item.Due = new DateOnly(2023, 4, 30);
        await _store.UpsertAsync(item, CancellationToken.None);

        var pdf = InputFile.FromBytes("letter.pdf", TestDocuments.Pdf(Seeds.Text(Seeds.Letter)));
        var again = await ImportAsync([pdf]);

        Assert.Equal(0, again.NewCount);
        var kept = (await _store.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(("Strategy and MPS Oversight Directorate", new DateOnly(2023, 4, 30)), (kept.Owner, kept.Due!.Value));
    }

    [Fact]
    public async Task ImportedItem_RecordsItsSourceAndWarningsInHistory()
    {
        await ImportAsync([InputFile.Load(Seeds.PathOf(Seeds.Letter))]);
        var website = await FindAsync(i => i.Text.Contains("Part (b)", StringComparison.Ordinal));
        Assert.Equal(ItemKind.Recommendation, website.Kind);
        Assert.Equal(new DateOnly(2023, 1, 9), website.Source.Date);
        Assert.Equal(Seeds.Letter, website.Source.File);
        var imported = Assert.Single(website.History);
        Assert.Equal("imported", imported.What);
        Assert.Contains(Seeds.Letter, imported.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tracker_BadRowsAreReported_AndTheGoodOnesImported()
    {
        var csv = """
            MOPAC improvement tracker,,,,
            exported 2023-06-01,,,,
            Ref,Action,Lead,Target date,RAG
            ,Publish LCRB minutes,Partnership Team,03/02/2023,Amber
            ,Refresh the oversight framework,Strategy and MPS Oversight Directorate,31/02/2023,Red
            ,,Finance and Corporate Services,01/03/2023,Green
            ,Agree procurement terms of reference,Finance and Corporate Services,1 March 2023,purple
            ,Train all staff on information governance,,2023-03-31,Green
            """;
        var plan = await ImportAsync([InputFile.FromBytes("tracker.csv", Encoding.UTF8.GetBytes(csv))]);
        Assert.Equal(2, plan.NewCount);
        var errors = plan.RowErrors.ToList();
        Assert.Equal([5, 6, 7], errors.Select(e => e.Row));
        Assert.Contains("31/02/2023", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("title is empty", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("purple", errors[2].Message, StringComparison.Ordinal);
        var minutes = await FindAsync(i => i.Title == "Publish LCRB minutes");
        Assert.Equal((new DateOnly(2023, 2, 3), ItemStatus.Open), (minutes.Due!.Value, minutes.Status));
        var training = Assert.Single(plan.Items, i => i.Draft.Title.StartsWith("Train", StringComparison.Ordinal));
        Assert.Contains("no owner: set one", training.Draft.Warnings);
    }

    [Fact]
    public async Task XlsxTracker_DateCellsAndDayFirstText_AreRead()
    {
        var xlsx = TestSheets.Xlsx(
            ["Title", "Owner", "Due date", "Status", "Frequency"],
            ["Quarterly report to the Joint Audit Panel", "Secretariat", new DateOnly(2023, 6, 30), "In progress", "Quarterly"],
            ["Publish the annual report", "Strategy and MPS Oversight Directorate", "05/07/2023", "Open", ""]);
        var plan = await ImportAsync([InputFile.FromBytes("tracker.xlsx", xlsx)]);
        Assert.Equal(2, plan.NewCount);
        var report = await FindAsync(i => i.Title.StartsWith("Quarterly", StringComparison.Ordinal));
        Assert.Equal((new DateOnly(2023, 6, 30), ItemStatus.InProgress, Recurrence.Quarterly), (report.Due!.Value, report.Status, report.Recurrence));
        Assert.Equal(new DateOnly(2023, 7, 5), (await FindAsync(i => i.Title.StartsWith("Publish", StringComparison.Ordinal))).Due);
    }

    [Fact]
    public async Task CsvExport_ImportsBackIntoAnEmptyStore_WithTheSameItems()
    {
        await ImportAsync(Seeds.All.Select(s => InputFile.Load(Seeds.PathOf(s))));
        var items = await AllAsync();
        using var csv = new MemoryStream();
        ItemCsv.Write(items, csv);

        using var other = new LiteDbStore(_folder.File("other.db"));
        var plan = await new Importer(other, TimeProvider.System).PlanAsync([InputFile.FromBytes("export.csv", csv.ToArray())], "auto", CancellationToken.None);
        Assert.Empty(plan.RowErrors);
        await new Importer(other, TimeProvider.System).CommitAsync(plan, "test", CancellationToken.None);
        var back = await AllAsync(other);
        Assert.Equal(items.Select(Fields), back.Select(Fields));
    }

    [Fact]
    public async Task JsonExport_ImportsBackExactly_HistoryIncluded()
    {
        await ImportAsync([InputFile.Load(Seeds.PathOf(Seeds.Governance))]);
        var items = await AllAsync();
        var json = JsonSerializer.SerializeToUtf8Bytes(new ItemsFile { Items = [.. items] }, ItemsFile.Options);

        using var other = new LiteDbStore(_folder.File("other.db"));
        var importer = new Importer(other, TimeProvider.System);
        await importer.CommitAsync(await importer.PlanAsync([InputFile.FromBytes("export.json", json)], "auto", CancellationToken.None), "test", CancellationToken.None);
        var back = await AllAsync(other);
        Assert.Equal(Serialise(items), Serialise(back));
    }

    [Fact]
    public async Task Calendar_HasAnAllDayEventPerOpenDueItem_WithStableUids()
    {
        await ImportAsync([InputFile.Load(Seeds.PathOf(Seeds.Letter))]);
        var items = await AllAsync();
        var first = ItemCalendar.Write(items, "Deadlines");
        Assert.Equal(first, ItemCalendar.Write(await AllAsync(), "Deadlines"));
        var quarterly = items.First(i => i.Recurrence == Recurrence.Quarterly);
        Assert.Contains($"UID:{quarterly.Id}@oversightbot", first, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20230331", first, StringComparison.Ordinal);
        Assert.Contains("RRULE:FREQ=MONTHLY;INTERVAL=3", first, StringComparison.Ordinal);
        Assert.Equal(items.Count(i => i.Due is not null && i.IsOpen), first.Split("BEGIN:VEVENT").Length - 1);
    }

    private async Task<ImportPlan> ImportAsync(IEnumerable<InputFile> files)
    {
        var plan = await _importer.PlanAsync(files, "auto", CancellationToken.None);
        await _importer.CommitAsync(plan, "test", CancellationToken.None);
        return plan;
    }

    private async Task<TrackedItem> FindAsync(Func<TrackedItem, bool> predicate) => (await AllAsync()).Single(predicate);

    private Task<List<TrackedItem>> AllAsync() => AllAsync(_store);

    private static async Task<List<TrackedItem>> AllAsync(LiteDbStore store)
    {
        var list = new List<TrackedItem>();
        await foreach (var item in store.AllAsync(CancellationToken.None))
        {
            list.Add(item);
        }

        return list;
    }

    private async Task<string> SnapshotAsync() => Serialise(await AllAsync());

    private static string Serialise(List<TrackedItem> items) => JsonSerializer.Serialize(items, ItemsFile.Options);

    private static string Fields(TrackedItem i) =>
        $"{i.Id}|{i.Kind}|{i.SubKind}|{i.Reference}|{i.Title}|{i.Text}|{i.Owner}|{i.Due}|{i.Status}|{i.Recurrence}|{i.Source.Document}|{i.Source.Issuer}|{i.Source.Date}|{i.Source.Quote}|{i.Opened}|{i.Closed}";
}
