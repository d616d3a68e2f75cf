using OversightBot.Cli;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using OversightBot.Hosting;
using OversightBot.Storage.LiteDb;
using OversightBot.Testing;

namespace OversightBot.Storage.Postgres.Tests;

/// <summary><c>migrate-store</c>: an embedded store moved whole into PostgreSQL, verified by counts and checksums.</summary>
public sealed class MigrateStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset T0 = new(2023, 2, 6, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task DemoStoreWithEveryKind_IsMovedWhole_AndVerified()
    {
        var path = _folder.File("demo.db");
        using (var runtime = await BotRuntime.OpenAsync(new StorageOptions { Path = path }, TimeProvider.System, None))
        {
            await FillTheRestAsync(runtime.Store);
        }

        var target = database.NewStore();
        var output = new StringWriter();

        var code = await MigrateStoreVerb.RunAsync($"litedb:{path}", $"postgres:{target}", output, None);

        Assert.True(code == ExitCodes.Ok, output.ToString());
        Assert.Contains("every kind has the same count and checksum", output.ToString(), StringComparison.Ordinal);
        using var source = new LiteDbStore(path);
        using var moved = new PostgresStore(target);
        Assert.Equal(await source.CountAsync(None), await moved.CountAsync(None));
        Assert.True(await moved.CountAsync(None) > 10);
        var today = Some.Date(2023, 6, 1);
        Assert.Equal((await source.OverdueAsync(today, 0, 5, None)).Total, (await moved.OverdueAsync(today, 0, 5, None)).Total);
        // Items due on the same day may come in another order; the same items and dates must come.
        Assert.Equal(
            (await source.DueBetweenAsync(today, today.AddDays(90), true, 0, 500, None)).Items.Select(i => $"{i.Due:O} {i.Id}").Order(StringComparer.Ordinal),
            (await moved.DueBetweenAsync(today, today.AddDays(90), true, 0, 500, None)).Items.Select(i => $"{i.Due:O} {i.Id}").Order(StringComparer.Ordinal));
        Assert.Equal("done", (await moved.GetAsync("S-9", None))!.History[^1].Note);
        Assert.Equal(OutboxStateOf(await source.GetOutboxRowAsync("k-1", None)), OutboxStateOf(await moved.GetOutboxRowAsync("k-1", None)));
    }

    [Fact]
    public async Task IntoADatabaseWithData_IsRefused_AndNothingIsWritten()
    {
        var path = _folder.File("small.db");
        using (var store = new LiteDbStore(path))
        {
            await store.UpsertAsync(Some.Item("R-1"), None);
        }

        var target = database.NewStore();
        using (var existing = new PostgresStore(target))
        {
            await existing.UpsertAsync(Some.Item("X-1"), None);
        }

        var error = await Assert.ThrowsAsync<CliException>(() => MigrateStoreVerb.RunAsync($"litedb:{path}", $"postgres:{target}", new StringWriter(), None));

        Assert.Equal(ExitCodes.Failed, error.ExitCode);
        Assert.Contains("already holds data", error.Message, StringComparison.Ordinal);
        using var after = new PostgresStore(target);
        Assert.Null(await after.GetAsync("R-1", None));
    }

    [Fact]
    public async Task WhileAnotherOwnerHasTheFile_IsRefused_AndNothingIsWritten()
    {
        var path = _folder.File("owned.db");
        using var owner = new LiteDbStore(path);
        await owner.UpsertAsync(Some.Item("R-1"), None);
        var target = database.NewStore();

        await Assert.ThrowsAsync<StoreInUseException>(() => MigrateStoreVerb.RunAsync($"litedb:{path}", $"postgres:{target}", new StringWriter(), None));

        using var after = new PostgresStore(target);
        Assert.True(await after.IsEmptyAsync(None));
    }

    [Fact]
    public async Task BadArguments_AreUsageErrors()
    {
        await Assert.ThrowsAsync<UsageException>(() => MigrateStoreVerb.RunAsync("data/x.db", "postgres:Host=x", new StringWriter(), None));
        await Assert.ThrowsAsync<UsageException>(() => MigrateStoreVerb.RunAsync("litedb:x.db", "Host=x", new StringWriter(), None));
    }

    private static string? OutboxStateOf(Core.Proactive.OutboxRow? row) => row?.State.ToString();

    private static async Task FillTheRestAsync(IBotStore store)
    {
        var series = Some.Item("S-9", owner: "Team A", kind: ItemKind.StatutoryDuty, title: "Monthly return");
        series.Series = new RecurrenceRule { Frequency = RecurrenceFrequency.Monthly, Anchor = Some.Date(2023, 1, 1) };
        series.History.Add(new HistoryEntry { At = T0, By = "clerk@example.org", What = "note", Note = "done" });
        await store.UpsertAsync(series, None);
        var occurrences = (IOccurrenceStore)store;
        var first = await occurrences.CurrentOccurrenceAsync("S-9", None);
        first!.Status = ItemStatus.Done;
        first.Closed = Some.Date(2023, 2, 1);
        await occurrences.SaveOccurrenceAsync(first, None);
        await store.AddManyIfAbsentAsync([OutboxContractTests.Row("k-1"), OutboxContractTests.Row("k-2", T0.AddTicks(12_345))], None);
        await store.ClaimDueAsync(T0.AddMinutes(1), TimeSpan.FromMinutes(5), 1, None);
        await store.SaveReferenceAsync(ConversationReference.Create(ReferenceKey.ForUser("msteams", "29:abc"), """{"serviceUrl":"https://smba.example/"}""", T0, "olivia.officer@example.org"), None);
        await store.SavePageStateAsync(new PageState("page-1", "what's overdue?", Some.Date(2023, 2, 6), 10, T0.AddYears(10)), T0, 100, None);
        await store.EnqueueWorkAsync(new WorkItem { Id = "w-1", Kind = "msteams.card-action", Payload = "{}", ReadyAt = T0 }, None);
        await store.AddNotificationAsync(new Notification("k-1", "olivia.officer@example.org", T0, OutboxContractTests.Row("k-1").Message), None);
    }

    public void Dispose() => _folder.Dispose();
}
