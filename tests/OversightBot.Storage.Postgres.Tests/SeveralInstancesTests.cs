using OversightBot.Core.Ports;
using OversightBot.Testing;

namespace OversightBot.Storage.Postgres.Tests;

/// <summary>Several stores (as several instances hold them) on one database.</summary>
public sealed class SeveralInstancesTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset T0 = new(2023, 2, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ThreeInstancesClaimingAtOnce_NeverTakeOneRowTwice()
    {
        var connection = database.NewStore();
        var stores = Enumerable.Range(0, 3).Select(_ => new PostgresStore(connection)).ToList();
        await stores[0].AddManyIfAbsentAsync(Enumerable.Range(0, 2000).Select(i => OutboxContractTests.Row($"nudge:{i}", T0.AddSeconds(-i % 60))).ToList(), None);

        var claimed = await Task.WhenAll(stores.Select(store => Task.Run(async () =>
        {
            var mine = new List<string>();
            while ((await store.ClaimDueAsync(T0, TimeSpan.FromMinutes(5), 37, None)) is { Count: > 0 } batch)
            {
                mine.AddRange(batch.Select(r => r.Key));
            }

            return mine;
        })));

        var all = claimed.SelectMany(c => c).ToList();
        Assert.Equal(2000, all.Count);
        Assert.Equal(2000, all.Distinct(StringComparer.Ordinal).Count());
        Assert.All(claimed, c => Assert.NotEmpty(c));
        stores.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task AWriteOnOneInstance_ChangesTheRevisionEveryInstanceSees()
    {
        var connection = database.NewStore();
        using var a = new PostgresStore(connection);
        using var b = new PostgresStore(connection);
        var before = b.Revision;

        await a.UpsertAsync(Some.Item("R-1", due: Some.Date(2023, 2, 6)), None);

        Assert.NotEqual(before, b.Revision);
        Assert.Equal(1, (await b.OverdueAsync(Some.Date(2023, 3, 1), 0, 10, None)).Total);
    }

    [Fact]
    public async Task PeopleChangedOnOneInstance_AreSeenAtOnceOnAnother()
    {
        var connection = database.NewStore();
        using var a = new PostgresStore(connection);
        using var b = new PostgresStore(connection);
        var person = Some.Person("olivia.officer@example.org");
        person.Accounts["msteams"] = "aad-old";
        await a.UpsertPersonAsync(person, None);
        Assert.NotNull(await b.FindByAccountAsync("msteams", "aad-old", None));

        person.Accounts["msteams"] = "aad-new";
        await a.UpsertPersonAsync(person, None);

        Assert.Null(await b.FindByAccountAsync("msteams", "aad-old", None));
        Assert.NotNull(await b.FindByAccountAsync("msteams", "aad-new", None));
    }

    [Fact]
    public async Task PlannerLease_OneHolderAtATime_TakenOverWhenTheHolderGoes()
    {
        var connection = database.NewStore();
        using var store = new PostgresStore(connection);
        var first = new PlannerLease(connection, "instance-1", TimeSpan.FromMinutes(2));
        using var second = new PlannerLease(connection, "instance-2", TimeSpan.FromMinutes(2));

        Assert.True(await first.HoldAsync(None));
        Assert.False(await second.HoldAsync(None));
        Assert.True(await first.HoldAsync(None));
        Assert.Equal("instance-1", (await second.CurrentAsync(None))?.Holder);

        first.Dispose(); // the holder's session ends, as when its process is killed

        Assert.True(await second.HoldAsync(None));
        Assert.True(second.IsPlanner);
        Assert.Equal("instance-2", (await second.CurrentAsync(None))?.Holder);
    }

    [Fact]
    public async Task PageState_SavedByOneInstance_ContinuesOnAnother()
    {
        var connection = database.NewStore();
        using var a = new PostgresStore(connection);
        using var b = new PostgresStore(connection);
        await a.SavePageStateAsync(new PageState("k", "what's overdue?", Some.Date(2023, 3, 1), 10, T0.AddMinutes(30)), T0, 100, None);

        Assert.Equal(10, (await b.GetPageStateAsync("k", T0.AddMinutes(1), None))?.Next);
        Assert.Null(await b.GetPageStateAsync("k", T0.AddMinutes(31), None));
    }
}
