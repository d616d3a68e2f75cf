using LiteDB;
using OversightBot.Core.Ports;

namespace OversightBot.Storage.LiteDb;

/// <summary>"more" state per channel + conversation + asker, in its own small collection (expiry indexed).</summary>
public sealed partial class LiteDbStore : IPageStateStore
{
    internal const string PageStatesName = "pages";

    private const int BoundCheckEvery = 16;
    private long _pageSaves;

    private ILiteCollection<BsonDocument> PageStates => _db.GetCollection(PageStatesName);

    public Task<PageState?> GetPageStateAsync(string key, DateTimeOffset now, CancellationToken ct)
    {
        var d = PageStates.FindById(key);
        if (d is null || Instant(d["expiresAt"].AsString) <= now)
        {
            return Task.FromResult<PageState?>(null);
        }

        return Task.FromResult<PageState?>(new PageState(
            key, d["question"].AsString, DateOnly.Parse(d["today"].AsString, System.Globalization.CultureInfo.InvariantCulture),
            d["next"].AsInt32, Instant(d["expiresAt"].AsString)));
    }

    public Task SavePageStateAsync(PageState state, DateTimeOffset now, int keepAtMost, CancellationToken ct)
    {
        var pages = PageStates;
        pages.Upsert(new BsonDocument
        {
            ["_id"] = state.Key,
            ["question"] = state.Question,
            ["today"] = state.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["next"] = state.Next,
            ["expiresAt"] = Utc(state.ExpiresAt),
        });
        pages.DeleteMany(Query.LTE("expiresAt", Utc(now)));

        // Counting reads the whole key index, so the bound is checked every few saves (it may be passed by as many).
        if (Interlocked.Increment(ref _pageSaves) % BoundCheckEvery == 0)
        {
            var excess = pages.Count() - keepAtMost;
            if (excess > 0)
            {
                foreach (var oldest in pages.Query().OrderBy("$.expiresAt").Limit(excess).ToList())
                {
                    pages.Delete(oldest["_id"]);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task ForgetPageStateAsync(string key, CancellationToken ct)
    {
        PageStates.Delete(key);
        return Task.CompletedTask;
    }
}
