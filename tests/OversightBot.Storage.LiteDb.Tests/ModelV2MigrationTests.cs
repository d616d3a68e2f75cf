using LiteDB;
using OversightBot.Core.Domain;
using OversightBot.Storage.LiteDb;
using OversightBot.Testing;

namespace OversightBot.Storage.LiteDb.Tests;

/// <summary>A file written in the first model's shape (schema 6, before model v2) opens as model v2 with nothing lost.</summary>
public sealed class ModelV2MigrationTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task FirstModel_File_MigratesWithEveryItemHistoryPersonReferenceAndOutboxRowKept()
    {
        var path = _folder.File("v5.db");
        var before = WriteSchemaFiveFile(path);

        using var store = new LiteDbStore(path);

        Assert.Equal(SchemaMigrations.Current, store.SchemaVersion);
        var r1 = await store.GetAsync("R-1", None);
        Assert.Equal(["started", "letter drafted", "sent"], r1!.History.Select(h => h.Note));
        Assert.Equal(ItemStatus.InProgress, r1.Status);
        Assert.Equal(Some.Date(2023, 2, 6), r1.Due);
        Assert.Equal(ItemStatus.Done, (await store.GetAsync("R-2", None))!.Status);
        Assert.Equal(3, await store.CountAsync(None));
        Assert.Single(await store.PeopleAsync(None));
        foreach (var (name, docs) in before)
        {
            Assert.Equal(docs, store.Database.GetCollection(name).FindAll().Select(d => d.ToString()).Order().ToList());
        }
    }

    [Fact]
    public async Task FirstModel_RecurringItem_BecomesASeriesWhoseMonthEndsDoNotDrift()
    {
        var path = _folder.File("v5-recurring.db");
        WriteSchemaFiveFile(path);

        using var store = new LiteDbStore(path);

        var series = await store.GetAsync("S-3", None);
        Assert.NotNull(series!.Series);
        var due = await store.DueBetweenAsync(Some.Date(2023, 4, 1), Some.Date(2023, 6, 30), true, 0, 10, None);
        Assert.Equal([Some.Date(2023, 4, 30), Some.Date(2023, 5, 31), Some.Date(2023, 6, 30)], due.Items.Where(i => i.Id == "S-3").Select(i => i.Due));
        var overdue = await store.OverdueAsync(Some.Date(2023, 6, 1), 0, 10, None);
        Assert.Equal(["R-1", "S-3", "S-3"], overdue.Items.Select(i => i.Id));
        Assert.Equal(3, overdue.Total);
    }

    /// <summary>
    /// Writes documents as the schema-5 store did and runs the schema-6 step on them (the file today's store keeps);
    /// returns the other collections' documents as text.
    /// </summary>
    private static Dictionary<string, List<string>> WriteSchemaFiveFile(string path)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, new BsonMapper { EnumAsInteger = false });
        SchemaMigrations.Apply(db, 5);
        var items = db.GetCollection("items");
        items.Insert(ItemV5("R-1", "2023-02-06", "InProgress", "None", ["started", "letter drafted", "sent"]));
        items.Insert(ItemV5("R-2", "2023-01-02", "Done", "None", []));
        items.Insert(ItemV5("S-3", "2023-04-30", "Open", "Monthly", []));
        db.GetCollection("people").Insert(new BsonDocument { ["_id"] = "olivia.officer@example.org", ["Name"] = "Olivia", ["Role"] = "Officer" });
        db.GetCollection(LiteDbStore.ConversationReferencesName).Insert(new BsonDocument { ["_id"] = "msteams|aad-1", ["Email"] = "olivia.officer@example.org", ["ServiceUrl"] = "https://smba.example/" });
        db.GetCollection("outbox").Insert(new BsonDocument { ["_id"] = "nudge:R-1:2023-02-06:7", ["state"] = "pending", ["queueAt"] = "2023-01-30T09:00:00Z" });
        db.GetCollection("inbox").Insert(new BsonDocument { ["_id"] = ObjectId.NewObjectId(), ["recipient"] = "olivia.officer@example.org", ["key"] = "digest:x" });
        LiteDbStore.RebuildDayCounts(db);
        SchemaMigrations.Apply(db, 6);
        return new[] { "people", LiteDbStore.ConversationReferencesName, "outbox", "inbox" }
            .ToDictionary(n => n, n => db.GetCollection(n).FindAll().Select(d => d.ToString()).Order().ToList());
    }

    private static BsonDocument ItemV5(string id, string due, string status, string recurrence, string[] notes)
    {
        var open = status is "Open" or "InProgress";
        var owner = "strategy and mps oversight directorate";
        return new BsonDocument
        {
            ["_id"] = id,
            ["Kind"] = "Recommendation",
            ["Title"] = $"Item {id}",
            ["Text"] = "",
            ["Source"] = new BsonDocument { ["Document"] = "Committee letter", ["Issuer"] = "Police and Crime Committee", ["Date"] = "2023-01-09", ["Quote"] = "within four weeks" },
            ["Owner"] = "Strategy and MPS Oversight Directorate",
            ["Due"] = due,
            ["Recurrence"] = recurrence,
            ["Status"] = status,
            ["Restricted"] = false,
            ["Evidence"] = new BsonArray(),
            ["History"] = new BsonArray(notes.Select((n, i) => (BsonValue)new BsonDocument
            {
                ["At"] = $"2023-01-1{i}T09:00:00.0000000+00:00", ["By"] = "clerk@example.org", ["What"] = "note", ["Note"] = n,
            })),
            ["Revisions"] = new BsonArray(),
            ["openDue"] = open ? due : BsonValue.Null,
            ["ownerKey"] = owner,
            ["ownerOpen"] = open ? owner + "\u0001" + due : BsonValue.Null,
            ["terms"] = new BsonArray(new BsonValue(id.ToLowerInvariant())),
        };
    }

    public void Dispose() => _folder.Dispose();
}
