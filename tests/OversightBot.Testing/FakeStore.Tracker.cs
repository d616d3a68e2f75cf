using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Testing;

/// <summary>The fake's occurrences, statistics and admin: the same semantics as the real store, by scanning.</summary>
public sealed partial class FakeStore : IOccurrenceStore, IStatisticStore, IStoreAdmin
{
    private readonly Dictionary<string, Occurrence> _occurrences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateOnly> _planned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Statistic> _statistics = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<Occurrence>> OccurrencesAsync(string seriesId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        PlanAll(to);
        return Task.FromResult<IReadOnlyList<Occurrence>>(Of(seriesId).Where(o => o.Due >= from && o.Due <= to).OrderBy(o => o.Due).ToList());
    }

    public Task<Occurrence?> GetOccurrenceAsync(string key, CancellationToken ct) => Task.FromResult(_occurrences.GetValueOrDefault(key));

    public Task<Occurrence?> CurrentOccurrenceAsync(string seriesId, CancellationToken ct) =>
        Task.FromResult(Of(seriesId).Where(o => o.IsOpen).MinBy(o => o.Due));

    public Task<Occurrence?> SaveOccurrenceAsync(Occurrence occurrence, CancellationToken ct)
    {
        var series = _items.GetValueOrDefault(occurrence.SeriesId) ?? throw new ArgumentException($"There is no series {occurrence.SeriesId}.", nameof(occurrence));
        var kept = _occurrences.GetValueOrDefault(occurrence.Key) ?? throw new ArgumentException($"There is no occurrence {occurrence.Key}.", nameof(occurrence));
        (occurrence.Index, occurrence.PeriodEnd, occurrence.Due) = (kept.Index, kept.PeriodEnd, kept.Due);
        occurrence.Closed = occurrence.IsOpen ? null : occurrence.Closed;
        _occurrences[occurrence.Key] = occurrence;
        Plan(series, _planned[series.Id]);
        return CurrentOccurrenceAsync(series.Id, ct);
    }

    public Task UpsertStatisticAsync(Statistic statistic, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statistic.Id);
        _statistics[statistic.Id] = statistic;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Statistic>> StatisticsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Statistic>>(_statistics.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList());

    public Task<Page<TrackedItem>> AwaitingOthersAsync(int skip, int take, CancellationToken ct) =>
        Paged(Listed(DateOnly.MinValue).Where(i => i.IsOpen && i.OwnerExternal).OrderBy(i => i.Due ?? DateOnly.MaxValue), skip, take);

    public Task<StoreHealth> HealthAsync(CancellationToken ct) =>
        Task.FromResult(new StoreHealth(true, "fake", 1, _items.Count, _boards.Count, _people.Count, null, null));

    public Task<bool> IsEmptyAsync(CancellationToken ct) => Task.FromResult(_items.Count == 0 && _boards.Count == 0 && _people.Count == 0);

    /// <summary>Non-series items and the views of every occurrence planned through <paramref name="through"/>.</summary>
    private IEnumerable<TrackedItem> Listed(DateOnly through)
    {
        PlanAll(through);
        foreach (var item in _items.Values.ToList())
        {
            if (item.Series is null)
            {
                yield return item;
                continue;
            }

            foreach (var o in Of(item.Id))
            {
                yield return SeriesPlan.View(item, o);
            }
        }
    }

    private IEnumerable<Occurrence> Of(string seriesId) => _occurrences.Values.Where(o => o.SeriesId == seriesId);

    private void PlanAll(DateOnly through)
    {
        foreach (var series in _items.Values.Where(i => i.Series is not null).ToList())
        {
            if (_planned.GetValueOrDefault(series.Id) < through)
            {
                Plan(series, through < new DateOnly(2199, 12, 31) && through > DateOnly.MinValue ? through.AddDays(100) : through);
            }
        }
    }

    private void Plan(TrackedItem series, DateOnly through)
    {
        var changes = SeriesPlan.Sync(series, Of(series.Id).ToList(), through);
        foreach (var key in changes.Deletes)
        {
            _occurrences.Remove(key);
        }

        foreach (var o in changes.Upserts)
        {
            _occurrences[o.Key] = o;
        }

        series.Due = changes.CurrentDue;
        _planned[series.Id] = changes.PlannedThrough;
    }
}
