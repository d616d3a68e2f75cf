using System.Globalization;
using LiteDB;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Storage.LiteDb;

/// <summary>
/// Occurrences of recurring obligations, one document each (key "S-3@2023-04-01"), with the same derived fields as
/// items so the date and owner queries read both collections by index. A series' occurrences are planned when it is
/// written and extended lazily: a question reaching past a series' <c>plannedThrough</c> plans it further first
/// (an index range that is empty once every series reaches the date asked about).
/// </summary>
public sealed partial class LiteDbStore : IOccurrenceStore
{
    internal const string OccurrencesName = "occurrences";
    /// <summary>How far past the date asked about a series is planned, so the next questions find it planned.</summary>
    private const int PlanAheadDays = 100;
    /// <summary>Series written by a migration and not planned yet carry this plannedThrough.</summary>
    internal const string NotPlanned = "0001-01-01";
    private static readonly DateOnly SeriesPlanStarted = new(1, 1, 2);
    /// <summary>Questions reaching further ("everything due from now on") plan series no further than this.</summary>
    private static readonly DateOnly PlanningLimit = new(2199, 12, 31);

    private ILiteCollection<BsonDocument> Occurrences => _db.GetCollection(OccurrencesName);

    public Task<IReadOnlyList<Occurrence>> OccurrencesAsync(string seriesId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        EnsurePlannedThrough(to);
        IReadOnlyList<Occurrence> list = Occurrences.Find(Query.EQ("series", seriesId)).Select(ToOccurrence)
            .Where(o => o.Due >= from && o.Due <= to).OrderBy(o => o.Due).ToList();
        return Task.FromResult(list);
    }

    public Task<Occurrence?> GetOccurrenceAsync(string key, CancellationToken ct)
    {
        var doc = Occurrences.FindById(key);
        return Task.FromResult(doc is null ? null : ToOccurrence(doc));
    }

    public Task<Occurrence?> CurrentOccurrenceAsync(string seriesId, CancellationToken ct)
    {
        EnsurePlannedThrough(SeriesPlanStarted);
        return Task.FromResult(Current(seriesId));
    }

    public Task<Occurrence?> SaveOccurrenceAsync(Occurrence occurrence, CancellationToken ct)
    {
        lock (_itemWrites)
        {
            var seriesDoc = Items.FindById(occurrence.SeriesId) ?? throw new ArgumentException($"There is no series {occurrence.SeriesId}.", nameof(occurrence));
            var stored = Occurrences.FindById(occurrence.Key) ?? throw new ArgumentException($"There is no occurrence {occurrence.Key}.", nameof(occurrence));
            var kept = ToOccurrence(stored);
            occurrence.Index = kept.Index;
            occurrence.PeriodEnd = kept.PeriodEnd;
            occurrence.Due = kept.Due;
            occurrence.Closed = occurrence.IsOpen ? null : occurrence.Closed;
            _db.BeginTrans();
            try
            {
                var deltas = new Dictionary<string, (int Open, int All)>(StringComparer.Ordinal);
                var series = ToItem(seriesDoc);
                Count(deltas, stored, -1);
                var doc = OccurrenceDocument(series, occurrence);
                Count(deltas, doc, +1);
                Occurrences.Upsert(doc);
                Count(deltas, seriesDoc, -1);
                SyncSeries(series, seriesDoc, PlannedThrough(seriesDoc), deltas);
                Count(deltas, seriesDoc, +1);
                Items.Upsert(seriesDoc);
                ApplyDeltas(deltas);
                _db.Commit();
                Changed();
            }
            catch
            {
                _db.Rollback();
                throw;
            }

            return Task.FromResult(Current(occurrence.SeriesId));
        }
    }

    private Occurrence? Current(string seriesId) =>
        Occurrences.Find(Query.EQ("series", seriesId)).Select(ToOccurrence).Where(o => o.IsOpen).MinBy(o => o.Due);

    /// <summary>Plans the series' occurrences through <paramref name="through"/>; sets the series document's current due date.</summary>
    private void SyncSeries(TrackedItem series, BsonDocument seriesDoc, DateOnly through, Dictionary<string, (int Open, int All)> deltas)
    {
        var docs = Occurrences.Find(Query.EQ("series", series.Id)).ToDictionary(d => d["_id"].AsString, StringComparer.Ordinal);
        var existing = docs.Values.Select(ToOccurrence).ToList();
        var changes = SeriesPlan.Sync(series, existing, through);
        foreach (var key in changes.Deletes)
        {
            Count(deltas, docs[key], -1);
            Occurrences.Delete(key);
        }

        var changed = changes.Upserts.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var occurrence in existing.Where(o => !changed.Contains(o.Key) && !changes.Deletes.Contains(o.Key)).Concat(changes.Upserts))
        {
            var doc = OccurrenceDocument(series, occurrence);
            if (docs.TryGetValue(occurrence.Key, out var old))
            {
                if (!changed.Contains(occurrence.Key) && SameDerived(old, doc))
                {
                    continue;
                }

                Count(deltas, old, -1);
            }

            Count(deltas, doc, +1);
            Occurrences.Upsert(doc);
        }

        series.Due = changes.CurrentDue;
        seriesDoc["Due"] = changes.CurrentDue is { } due ? StoreMapper.Iso(due) : BsonValue.Null;
        seriesDoc["plannedThrough"] = StoreMapper.Iso(changes.PlannedThrough);
    }

    private static bool SameDerived(BsonDocument a, BsonDocument b) =>
        a["openDue"] == b["openDue"] && a["ownerOpen"] == b["ownerOpen"] && a["awaitDue"] == b["awaitDue"] && a["ownerKey"] == b["ownerKey"];

    private BsonDocument OccurrenceDocument(TrackedItem series, Occurrence occurrence)
    {
        var doc = _db.Mapper.ToDocument(occurrence);
        doc["_id"] = occurrence.Key;
        doc["series"] = occurrence.SeriesId;
        Derive(doc, series, series.IsOpen && occurrence.IsOpen, occurrence.Due);
        doc["allDue"] = StoreMapper.Iso(occurrence.Due);
        return doc;
    }

    private Occurrence ToOccurrence(BsonDocument doc) => _db.Mapper.ToObject<Occurrence>(doc);

    private static DateOnly PlannedThrough(BsonDocument seriesDoc) =>
        seriesDoc["plannedThrough"] is { IsString: true } p ? DateOnly.Parse(p.AsString, CultureInfo.InvariantCulture) : DateOnly.MinValue;

    /// <summary>Plans every series that is not yet planned through <paramref name="day"/> (normally none).</summary>
    private void EnsurePlannedThrough(DateOnly day)
    {
        var behind = Query.Between("plannedThrough", NotPlanned, StoreMapper.Iso(day.AddDays(-1)));
        if (!Items.Exists(behind))
        {
            return;
        }

        lock (_itemWrites)
        {
            _db.BeginTrans();
            try
            {
                var deltas = new Dictionary<string, (int Open, int All)>(StringComparer.Ordinal);
                foreach (var doc in Items.Find(behind).ToList())
                {
                    var series = ToItem(doc);
                    var target = day <= SeriesPlanStarted ? DateOnly.MinValue : (day < PlanningLimit ? day : PlanningLimit).AddDays(PlanAheadDays);
                    SyncSeries(series, doc, target, deltas);
                    Items.Update(doc);
                }

                ApplyDeltas(deltas);
                _db.Commit();
            }
            catch
            {
                _db.Rollback();
                throw;
            }
        }
    }
}
