using System.Globalization;
using LiteDB;
using OversightBot.Core.Domain;

namespace OversightBot.Storage.LiteDb;

/// <summary>The step from the first model's documents to model v2; nothing stored is dropped.</summary>
public sealed partial class LiteDbStore
{
    private const int MigrationBatch = 1000;

    /// <summary>
    /// History arrays move out of item documents into the history collection (in order, nothing dropped); recurring
    /// items become series (their rule rebuilt from the recurrence and due date, occurrences tracked from that date,
    /// planned at the first question); every item gets the new derived fields; the day counts are rebuilt.
    /// </summary>
    internal static void MigrateToModelV2(LiteDatabase db)
    {
        var items = db.GetCollection(ItemsName);
        var history = db.GetCollection(HistoryName);
        var ids = items.Query().Select("$._id").ToEnumerable().Select(d => d["_id"]).ToList();
        foreach (var batch in ids.Chunk(MigrationBatch))
        {
            db.BeginTrans();
            foreach (var id in batch)
            {
                var doc = items.FindById(id);
                var count = 0;
                if (doc["History"] is { IsArray: true } entries)
                {
                    foreach (var entry in entries.AsArray.Select(e => e.AsDocument))
                    {
                        entry["_id"] = HistoryKey(id.AsString, count++);
                        history.Insert(entry);
                    }

                    doc.Remove("History");
                }

                doc["historyCount"] = count;
                MigrateFields(db, doc);
                items.Update(doc);
            }

            db.Commit();
        }

        RebuildDayCounts(db);
    }

    private static void MigrateFields(LiteDatabase db, BsonDocument doc)
    {
        var recurrence = Enum.TryParse<Recurrence>(doc["Recurrence"].IsString ? doc["Recurrence"].AsString : "None", out var r) ? r : Recurrence.None;
        doc["awaitDue"] = BsonValue.Null;
        doc["themeKeys"] = new BsonArray();
        if (recurrence != Recurrence.None && doc["Due"].IsString && !doc["Series"].IsDocument)
        {
            var due = DateOnly.ParseExact(doc["Due"].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            doc["Series"] = db.Mapper.ToDocument(RecurrenceRule.FromLegacy(recurrence, due, trackFrom: due));
            doc["openDue"] = BsonValue.Null;
            doc["ownerOpen"] = BsonValue.Null;
            doc["allDue"] = BsonValue.Null;
            doc["plannedThrough"] = NotPlanned;
            return;
        }

        doc["allDue"] = doc["Due"].IsString ? doc["Due"] : BsonValue.Null;
        doc["plannedThrough"] = BsonValue.Null;
    }
}
