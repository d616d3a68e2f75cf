using OversightBot.Core.Ports;
using OversightBot.Testing;

namespace OversightBot.Storage.LiteDb.Tests;

/// <summary>The outbox suite on a real LiteDB file.</summary>
public sealed class LiteDbOutboxTests : OutboxContractTests, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<LiteDbStore> _stores = [];

    protected override IOutboxStore CreateOutbox()
    {
        var store = new LiteDbStore(_folder.File($"outbox-{_stores.Count}.db"));
        _stores.Add(store);
        return store;
    }

    [Fact]
    public async Task Outbox_SurvivesReopen()
    {
        var path = _folder.File("reopen.db");
        using (var first = new LiteDbStore(path))
        {
            await first.AddIfAbsentAsync(Row("k"), CancellationToken.None);
        }

        using var second = new LiteDbStore(path);
        Assert.False(await second.AddIfAbsentAsync(Row("k"), CancellationToken.None));
        Assert.Equal("k", (await second.GetOutboxRowAsync("k", CancellationToken.None))?.Key);
    }

    [Fact]
    public async Task RecurringOpen_ListsOpenRecurringItemsOnly()
    {
        var store = (LiteDbStore)CreateOutbox();
        var quarterly = Some.Item("Q-1", due: Some.Date(2023, 3, 31));
        quarterly.Recurrence = Core.Domain.Recurrence.Quarterly;
        var closed = Some.Item("Q-2", due: Some.Date(2023, 3, 31), status: Core.Domain.ItemStatus.Done);
        closed.Recurrence = Core.Domain.Recurrence.Monthly;
        await store.UpsertManyAsync([quarterly, closed, Some.Item("R-1", due: Some.Date(2023, 3, 31))], CancellationToken.None);

        var list = await store.RecurringOpenAsync(CancellationToken.None);

        Assert.Equal(["Q-1"], list.Select(i => i.Id));
    }

    public void Dispose()
    {
        foreach (var s in _stores)
        {
            s.Dispose();
        }

        _folder.Dispose();
    }
}
