using OversightBot.Core.Ports;
using OversightBot.Testing;

namespace OversightBot.Storage.Postgres.Tests;

/// <summary>The store suite, unchanged, on a real PostgreSQL (a schema of its own per test).</summary>
public sealed class PostgresStoreTests(PostgresDatabase database) : StoreContractTests, IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly List<PostgresStore> _stores = [];

    protected override (IItemStore Items, IBoardStore Boards, IPersonStore People, IStoreAdmin Admin) CreateStore()
    {
        var store = new PostgresStore(database.NewStore());
        _stores.Add(store);
        return (store, store, store, store);
    }

    public void Dispose() => _stores.ForEach(s => s.Dispose());
}

/// <summary>The outbox suite, unchanged, on a real PostgreSQL.</summary>
public sealed class PostgresOutboxTests(PostgresDatabase database) : OutboxContractTests, IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly List<PostgresStore> _stores = [];

    protected override IOutboxStore CreateOutbox()
    {
        var store = new PostgresStore(database.NewStore());
        _stores.Add(store);
        return store;
    }

    public void Dispose() => _stores.ForEach(s => s.Dispose());
}
