using Npgsql;
using OversightBot.Testing;

namespace OversightBot.Storage.Postgres.Tests;

/// <summary>Versioned migrations: a newer binary applies what is missing, an older one refuses a newer database.</summary>
public sealed class SchemaTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task NewDatabase_GetsEveryStep_OneRowPerVersion()
    {
        using var store = new PostgresStore(database.NewStore());

        var versions = await Versions(store);

        Assert.Equal(Enumerable.Range(1, PostgresStore.CurrentSchemaVersion), versions);
        Assert.Equal(PostgresStore.CurrentSchemaVersion, (await store.HealthAsync(None)).SchemaVersion);
    }

    [Fact]
    public async Task OlderDatabase_IsBroughtUpToDate_KeepingItsData()
    {
        var connection = database.NewStore();
        using (var data = NpgsqlDataSource.Create(connection))
        {
            await PgSchema.ApplyAsync(data, 1, None);
            await using var cmd = data.CreateCommand("INSERT INTO people (email, name, doc) VALUES ('a@example.org', 'A', '{\"Email\":\"a@example.org\",\"Name\":\"A\"}')");
            await cmd.ExecuteNonQueryAsync(None);
        }

        using var store = new PostgresStore(connection);

        Assert.Equal(Enumerable.Range(1, PostgresStore.CurrentSchemaVersion), await Versions(store));
        Assert.Equal("A", (await store.GetPersonAsync("a@example.org", None))?.Name);
        Assert.True(await store.AddIfAbsentAsync(OutboxContractTests.Row("k"), None));
    }

    [Fact]
    public async Task NewerDatabase_IsRefusedWithAClearError_AndNotChanged()
    {
        var connection = database.NewStore();
        using (var first = new PostgresStore(connection))
        {
            await using var cmd = first.Data.CreateCommand("INSERT INTO schema_version (version, description) VALUES (999, 'from a newer build')");
            await cmd.ExecuteNonQueryAsync(None);
        }

        var error = Assert.Throws<InvalidOperationException>(() => new PostgresStore(connection));

        Assert.Contains("schema version 999", error.Message, StringComparison.Ordinal);
        Assert.Contains("Upgrade OversightBot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoInstancesStartingTogether_MigrateOnce()
    {
        var connection = database.NewStore();

        var stores = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => new PostgresStore(connection))));

        Assert.Equal(Enumerable.Range(1, PostgresStore.CurrentSchemaVersion), await Versions(stores[0]));
        Array.ForEach(stores, s => s.Dispose());
    }

    private static async Task<List<int>> Versions(PostgresStore store)
    {
        var list = new List<int>();
        await using var cmd = store.Data.CreateCommand("SELECT version FROM schema_version ORDER BY version");
        await using var r = await cmd.ExecuteReaderAsync(None);
        while (await r.ReadAsync(None))
        {
            list.Add(r.GetInt32(0));
        }

        return list;
    }
}
