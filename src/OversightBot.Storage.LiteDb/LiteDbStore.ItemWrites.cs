using LiteDB;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Storage.LiteDb;

/// <summary>
/// Item writes: the document with its derived, indexed fields (<c>openDue</c>, <c>allDue</c>, <c>awaitDue</c>,
/// <c>ownerKey</c>, <c>ownerOpen</c>, <c>terms</c>, <c>themeKeys</c>), history appended to its own collection, a
/// series' occurrences planned, and the day counts adjusted, all in one transaction.
/// </summary>
public sealed partial class LiteDbStore
{
    internal const string HistoryName = "history";
    private readonly Lock _itemWrites = new();

    private ILiteCollection<BsonDocument> History => _db.GetCollection(HistoryName);

    /// <summary>Writes items (and their new history, and a series' occurrences) and adjusts the day counts in one transaction.</summary>
    private void WriteItems(IEnumerable<TrackedItem> items)
    {
        lock (_itemWrites)
        {
            _db.BeginTrans();
            try
            {
                var deltas = new Dictionary<string, (int Open, int All)>(StringComparer.Ordinal);
                foreach (var item in items)
                {
                    WriteItem(item, deltas);
                }

                ApplyDeltas(deltas);
                _db.Commit();
                Changed();
            }
            catch
            {
                _db.Rollback();
                throw;
            }
        }
    }

    private void WriteItem(TrackedItem item, Dictionary<string, (int Open, int All)> deltas)
    {
        if (item.Occurrence is not null)
        {
            throw new ArgumentException($"{item.Id} ({item.Occurrence.Label}) is an occurrence as listed; save the occurrence itself.", nameof(item));
        }

        if (item.Series?.Problem() is { } problem)
        {
            throw new ArgumentException($"{item.Id}: {problem}.", nameof(item));
        }

        var old = Items.FindById(item.Id);
        var doc = ToDocument(item);
        var stored = old?["historyCount"] is { IsInt32: true } n ? n.AsInt32 : 0;
        var total = item.HistoryOffset + item.History.Count;
        for (var seq = Math.Max(stored, item.HistoryOffset); seq < total; seq++)
        {
            var entry = _db.Mapper.ToDocument(item.History[seq - item.HistoryOffset]);
            entry["_id"] = HistoryKey(item.Id, seq);
            History.Insert(entry);
        }

        doc["historyCount"] = Math.Max(stored, total);
        if (old is not null)
        {
            Count(deltas, old, -1);
        }

        if (item.Series is not null)
        {
            var through = old?["plannedThrough"] is { IsString: true } p ? DateOnly.Parse(p.AsString, System.Globalization.CultureInfo.InvariantCulture) : DateOnly.MinValue;
            SyncSeries(item, doc, through, deltas);
        }

        Count(deltas, doc, +1);
        Items.Upsert(doc);
    }

    private static string HistoryKey(string id, int seq) => $"{id}#{seq:D7}";

    private List<HistoryEntry> HistoryOf(string id) =>
        History.Find(Query.Between("_id", id + "#", id + "#\uffff")).Select(d => _db.Mapper.ToObject<HistoryEntry>(d)).ToList();

    private BsonDocument ToDocument(TrackedItem item)
    {
        var doc = _db.Mapper.ToDocument(item);
        var series = item.Series is not null;
        Derive(doc, item, item.IsOpen && !series, item.Due);
        doc["allDue"] = !series && item.Due is { } due ? StoreMapper.Iso(due) : BsonValue.Null;
        doc["terms"] = new BsonArray(SearchTerms.ForItem(item).Select(t => new BsonValue(t)));
        doc["themeKeys"] = new BsonArray(item.Themes.Select(t => new BsonValue(t.Trim().ToLowerInvariant())));
        doc["plannedThrough"] = BsonValue.Null;
        lock (_ownersLock)
        {
            _owners?.Add(item.Owner);
        }

        return doc;
    }

    /// <summary>The derived fields an item and an occurrence share; <paramref name="open"/> says whether it is still owed.</summary>
    private static void Derive(BsonDocument doc, TrackedItem owner, bool open, DateOnly? due)
    {
        var key = OwnerKey(owner.Owner);
        var iso = due is { } d ? StoreMapper.Iso(d) : null;
        doc["openDue"] = open && !owner.OwnerExternal && iso is not null ? iso : BsonValue.Null;
        doc["awaitDue"] = open && owner.OwnerExternal ? iso ?? NoDueKey : BsonValue.Null;
        doc["ownerKey"] = key;
        doc["ownerOpen"] = open ? key + OwnerSeparator + (iso ?? NoDueKey) : BsonValue.Null;
    }

    internal TrackedItem ToItem(BsonDocument doc)
    {
        var item = _db.Mapper.ToObject<TrackedItem>(doc);
        item.HistoryOffset = doc["historyCount"] is { IsInt32: true } n ? n.AsInt32 : 0;
        return item;
    }

    /// <summary>
    /// A page of an index range over items and occurrences (both in <paramref name="field"/> order), merged; on equal
    /// keys items come first, in their index order.
    /// </summary>
    private Page<TrackedItem> MergedPage(BsonExpression range, string field, int total, int skip, int take)
    {
        if (take <= 0 || skip >= total)
        {
            return new Page<TrackedItem>([], total);
        }

        var occurrences = Occurrences.Find(range, 0, skip + take).ToList();
        if (occurrences.Count == 0)
        {
            return new Page<TrackedItem>(Items.Find(range, skip, take).Select(ToItem).ToList(), total);
        }

        var items = Items.Find(range, 0, skip + take).ToList();
        var merged = new List<(BsonDocument Doc, bool Occurrence)>(items.Count + occurrences.Count);
        int i = 0, o = 0;
        while (merged.Count < skip + take && (i < items.Count || o < occurrences.Count))
        {
            var takeItem = o >= occurrences.Count
                || (i < items.Count && string.CompareOrdinal(items[i][field].AsString, occurrences[o][field].AsString) <= 0);
            merged.Add(takeItem ? (items[i++], false) : (occurrences[o++], true));
        }

        var views = new Dictionary<string, TrackedItem>(StringComparer.Ordinal);
        var page = merged.Skip(skip).Select(m => m.Occurrence ? ToView(m.Doc, views) : ToItem(m.Doc)).ToList();
        return new Page<TrackedItem>(page, total);
    }

    /// <summary>An occurrence document shown as an item of its series (series read once per call).</summary>
    private TrackedItem ToView(BsonDocument doc, Dictionary<string, TrackedItem> series)
    {
        var occurrence = ToOccurrence(doc);
        if (!series.TryGetValue(occurrence.SeriesId, out var s))
        {
            s = ToItem(Items.FindById(occurrence.SeriesId));
            series[occurrence.SeriesId] = s;
        }

        return SeriesPlan.View(s, occurrence);
    }
}
