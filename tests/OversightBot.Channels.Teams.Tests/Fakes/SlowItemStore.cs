using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Channels.Teams.Tests.Fakes;

/// <summary>The real store, with "what's overdue?" made slow: for typing indicators and Teams' invoke budget.</summary>
public sealed class SlowItemStore(IItemStore inner, TimeSpan overdueDelay) : IItemStore
{
    public async Task<Page<TrackedItem>> OverdueAsync(DateOnly today, int skip, int take, CancellationToken ct)
    {
        await Task.Delay(overdueDelay, ct);
        return await inner.OverdueAsync(today, skip, take, ct);
    }

    public Task<TrackedItem?> GetAsync(string id, CancellationToken ct) => inner.GetAsync(id, ct);
    public Task UpsertAsync(TrackedItem item, CancellationToken ct) => inner.UpsertAsync(item, ct);
    public Task UpsertManyAsync(IEnumerable<TrackedItem> items, CancellationToken ct) => inner.UpsertManyAsync(items, ct);
    public Task<Page<TrackedItem>> DueBetweenAsync(DateOnly from, DateOnly to, bool openOnly, int skip, int take, CancellationToken ct) => inner.DueBetweenAsync(from, to, openOnly, skip, take, ct);
    public Task<Page<TrackedItem>> ByOwnerAsync(IReadOnlyCollection<string> owners, bool openOnly, int skip, int take, CancellationToken ct) => inner.ByOwnerAsync(owners, openOnly, skip, take, ct);
    public Task<Page<TrackedItem>> ByStatusAsync(IReadOnlyCollection<ItemStatus> statuses, int skip, int take, CancellationToken ct) => inner.ByStatusAsync(statuses, skip, take, ct);
    public Task<IReadOnlyList<TrackedItem>> ClosedBetweenAsync(DateOnly from, DateOnly to, CancellationToken ct) => inner.ClosedBetweenAsync(from, to, ct);
    public IAsyncEnumerable<TrackedItem> AllAsync(CancellationToken ct) => inner.AllAsync(ct);
    public Task<int> CountAsync(CancellationToken ct) => inner.CountAsync(ct);

    private long _revision;

    /// <summary>Every read is a new revision, so no answer is cached and every question is slow.</summary>
    public long Revision => Interlocked.Increment(ref _revision);
    public Task<IReadOnlyList<TrackedItem>> SearchAsync(IReadOnlyCollection<string> terms, int take, CancellationToken ct) => inner.SearchAsync(terms, take, ct);
    public Task<IReadOnlyList<string>> OwnersAsync(CancellationToken ct) => inner.OwnersAsync(ct);
    public Task<string> NextIdAsync(string prefix, CancellationToken ct) => inner.NextIdAsync(prefix, ct);
}
