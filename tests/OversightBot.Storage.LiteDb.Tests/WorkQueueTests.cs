using OversightBot.Core.Ports;
using OversightBot.Testing;

namespace OversightBot.Storage.LiteDb.Tests;

/// <summary>The durable work queue in the LiteDB file: added once, claimed with a lease, retried, dead, done.</summary>
public sealed class WorkQueueTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly TempFolder _folder = new();

    private static WorkItem Item(string id, DateTimeOffset readyAt) => new() { Id = id, Kind = "test", Payload = "{}", ReadyAt = readyAt };

    [Fact]
    public async Task Work_AddedTwice_IsKeptOnce()
    {
        using var store = new LiteDbStore(_folder.File("once.db"));

        Assert.True(await store.EnqueueWorkAsync(Item("w1", Now), CancellationToken.None));
        Assert.False(await store.EnqueueWorkAsync(Item("w1", Now), CancellationToken.None));
    }

    [Fact]
    public async Task Work_Claimed_IsHeldForTheLeaseThenTakenAgain()
    {
        using var store = new LiteDbStore(_folder.File("lease.db"));
        await store.EnqueueWorkAsync(Item("w1", Now), CancellationToken.None);
        await store.EnqueueWorkAsync(Item("later", Now.AddHours(1)), CancellationToken.None);

        var first = await store.ClaimWorkAsync(Now, Lease, 10, CancellationToken.None);
        var during = await store.ClaimWorkAsync(Now.AddMinutes(4), Lease, 10, CancellationToken.None);
        var after = await store.ClaimWorkAsync(Now.AddMinutes(6), Lease, 10, CancellationToken.None);

        Assert.Equal(["w1"], first.Select(w => w.Id));
        Assert.Equal(1, first[0].Attempts);
        Assert.Empty(during);
        Assert.Equal(["w1"], after.Select(w => w.Id));
        Assert.Equal(2, after[0].Attempts);
    }

    [Fact]
    public async Task Work_SurvivesReopen()
    {
        var path = _folder.File("reopen.db");
        using (var first = new LiteDbStore(path))
        {
            await first.EnqueueWorkAsync(Item("w1", Now), CancellationToken.None);
            await first.SaveWorkProgressAsync("w1", "{\"step\":2}", CancellationToken.None);
        }

        using var second = new LiteDbStore(path);
        var claimed = await second.ClaimWorkAsync(Now, Lease, 10, CancellationToken.None);

        Assert.Equal("{\"step\":2}", Assert.Single(claimed).Progress);
    }

    [Fact]
    public async Task Work_Failed_WaitsUntilItsRetryAndDeadWorkIsNeverTaken()
    {
        using var store = new LiteDbStore(_folder.File("fail.db"));
        await store.EnqueueWorkAsync(Item("retry", Now), CancellationToken.None);
        await store.EnqueueWorkAsync(Item("dead", Now), CancellationToken.None);

        await store.FailWorkAsync("retry", "boom", Now.AddMinutes(1), dead: false, CancellationToken.None);
        await store.FailWorkAsync("dead", "boom", Now.AddMinutes(1), dead: true, CancellationToken.None);

        Assert.Empty(await store.ClaimWorkAsync(Now, Lease, 10, CancellationToken.None));
        Assert.Equal(["retry"], (await store.ClaimWorkAsync(Now.AddDays(1), Lease, 10, CancellationToken.None)).Select(w => w.Id));
        var dead = await store.GetWorkAsync("dead", CancellationToken.None);
        Assert.True(dead!.Dead);
        Assert.Equal("boom", dead.LastError);
    }

    [Fact]
    public async Task Work_Completed_IsGone()
    {
        using var store = new LiteDbStore(_folder.File("done.db"));
        await store.EnqueueWorkAsync(Item("w1", Now), CancellationToken.None);

        await store.CompleteWorkAsync("w1", CancellationToken.None);

        Assert.Null(await store.GetWorkAsync("w1", CancellationToken.None));
        Assert.Empty(await store.ClaimWorkAsync(Now.AddDays(1), Lease, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Work_DoneWithAKeptId_CannotBeAddedAgainUntilTheIdIsForgotten()
    {
        var path = _folder.File("kept.db");
        using (var first = new LiteDbStore(path))
        {
            await first.EnqueueWorkAsync(Item("ev1", Now) with { KeepIdUntil = Now.AddDays(1) }, CancellationToken.None);
            await first.ClaimWorkAsync(Now, Lease, 10, CancellationToken.None);
            await first.CompleteWorkAsync("ev1", CancellationToken.None);
        }

        using var store = new LiteDbStore(path);
        Assert.Null(await store.GetWorkAsync("ev1", CancellationToken.None));
        Assert.False(await store.EnqueueWorkAsync(Item("ev1", Now), CancellationToken.None));
        Assert.Empty(await store.ClaimWorkAsync(Now.AddHours(2), Lease, 10, CancellationToken.None));

        await store.ClaimWorkAsync(Now.AddDays(2), Lease, 10, CancellationToken.None);
        Assert.True(await store.EnqueueWorkAsync(Item("ev1", Now.AddDays(2)), CancellationToken.None));
    }

    public void Dispose() => _folder.Dispose();
}
