using LiteDB;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Storage.LiteDb;

/// <summary>Links, themes, "awaiting others" and statistics, each answered from its own index or collection.</summary>
public sealed partial class LiteDbStore : IStatisticStore
{
    internal const string StatisticsName = "statistics";

    private ILiteCollection<Statistic> Statistics => _db.GetCollection<Statistic>(StatisticsName);

    public Task<IReadOnlyList<TrackedItem>> PartsAsync(string parentId, CancellationToken ct) =>
        Task.FromResult(ById(Query.EQ("ParentId", parentId.Trim())));

    public Task<IReadOnlyList<TrackedItem>> AddressedByAsync(string itemId, CancellationToken ct) =>
        Task.FromResult(ById(BsonExpression.Create("$.Addresses[*] ANY = @0", new BsonValue(itemId.Trim()))));

    public Task<IReadOnlyList<TrackedItem>> ByThemeAsync(string theme, CancellationToken ct) =>
        Task.FromResult(ById(BsonExpression.Create("$.themeKeys[*] ANY = @0", new BsonValue(theme.Trim().ToLowerInvariant()))));

    public Task<Page<TrackedItem>> AwaitingOthersAsync(int skip, int take, CancellationToken ct)
    {
        EnsurePlannedThrough(SeriesPlanStarted);
        var range = Query.Between("awaitDue", NoDate, NoDueKey);
        var total = Items.Count(range) + Occurrences.Count(range);
        return Task.FromResult(MergedPage(range, "awaitDue", total, skip, take));
    }

    public Task UpsertStatisticAsync(Statistic statistic, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statistic.Id);
        Statistics.Upsert(statistic);
        Changed();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Statistic>> StatisticsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Statistic>>(Statistics.FindAll().OrderBy(s => s.Id, StringComparer.Ordinal).ToList());

    private IReadOnlyList<TrackedItem> ById(BsonExpression query) =>
        Items.Find(query).Select(ToItem).OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
}
