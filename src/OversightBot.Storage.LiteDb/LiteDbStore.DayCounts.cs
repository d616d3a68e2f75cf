using LiteDB;

namespace OversightBot.Storage.LiteDb;

/// <summary>
/// Per-day counts of items and occurrences due ("all") and of open ones due ("open", the organisation's own), and
/// per-owner counts of open items and occurrences, kept in step with every item write. Totals such as "35,070 overdue" are then a range scan over at most a
/// few thousand day rows instead of a count over tens of thousands of item documents.
/// </summary>
public sealed partial class LiteDbStore
{
    internal const string DayCountsName = "dayCounts";
    internal const string OwnerCountsName = "ownerCounts";
    private const string OwnerDelta = "owner:";

    private ILiteCollection<BsonDocument> DayCounts => _db.GetCollection(DayCountsName);

    private ILiteCollection<BsonDocument> OwnerCounts => _db.GetCollection(OwnerCountsName);

    private int OpenCountOf(string ownerKey) => OwnerCounts.FindById(ownerKey)?["open"].AsInt32 ?? 0;

    /// <summary>Sum of the day counts from <paramref name="from"/> to <paramref name="to"/> (ISO dates, inclusive).</summary>
    private int SumDays(string from, string to, bool openOnly)
    {
        var field = openOnly ? "open" : "all";
        var total = 0;
        foreach (var row in DayCounts.Find(Query.Between("_id", from, to)))
        {
            total += row[field].AsInt32;
        }

        return total;
    }

    /// <summary>Rebuilds every day count from the items (a migration step, and a repair).</summary>
    internal static void RebuildDayCounts(LiteDatabase db)
    {
        var days = db.GetCollection(DayCountsName);
        var owners = db.GetCollection(OwnerCountsName);
        days.DeleteAll();
        owners.DeleteAll();
        var deltas = new Dictionary<string, (int Open, int All)>(StringComparer.Ordinal);
        foreach (var doc in db.GetCollection(ItemsName).FindAll().Concat(db.GetCollection(OccurrencesName).FindAll()))
        {
            Count(deltas, doc, +1);
        }

        days.Insert(deltas.Where(d => !d.Key.StartsWith(OwnerDelta, StringComparison.Ordinal)).Select(d => Row(d.Key, d.Value.Open, d.Value.All)));
        owners.Insert(deltas.Where(d => d.Key.StartsWith(OwnerDelta, StringComparison.Ordinal)).Select(d => Row(d.Key[OwnerDelta.Length..], d.Value.Open, d.Value.All)));
    }

    private static void Count(Dictionary<string, (int Open, int All)> deltas, BsonDocument doc, int sign)
    {
        var due = doc["allDue"];
        if (due.IsString)
        {
            var c = deltas.GetValueOrDefault(due.AsString);
            deltas[due.AsString] = (c.Open, c.All + sign);
        }

        var open = doc["openDue"];
        if (open.IsString)
        {
            var c = deltas.GetValueOrDefault(open.AsString);
            deltas[open.AsString] = (c.Open + sign, c.All);
        }

        if (doc["ownerOpen"].IsString)
        {
            var key = OwnerDelta + doc["ownerKey"].AsString;
            var c = deltas.GetValueOrDefault(key);
            deltas[key] = (c.Open + sign, c.All);
        }
    }

    private void ApplyDeltas(Dictionary<string, (int Open, int All)> deltas)
    {
        foreach (var (day, delta) in deltas)
        {
            if (delta is (0, 0))
            {
                continue;
            }

            var (collection, key) = day.StartsWith(OwnerDelta, StringComparison.Ordinal)
                ? (OwnerCounts, day[OwnerDelta.Length..])
                : (DayCounts, day);
            var row = collection.FindById(key);
            var open = (row?["open"].AsInt32 ?? 0) + delta.Open;
            var all = (row?["all"].AsInt32 ?? 0) + delta.All;
            collection.Upsert(Row(key, open, all));
        }
    }

    private static BsonDocument Row(string day, int open, int all) => new()
    {
        ["_id"] = day,
        ["open"] = open,
        ["all"] = all,
    };
}
