using OversightBot.Core.Ports;
using OversightBot.Storage.LiteDb;
using OversightBot.Storage.Postgres;

namespace OversightBot.Hosting;

/// <summary>The one place the host names a database: opens the configured store and hands out its ports.</summary>
public static class StoreFactory
{
    /// <summary>
    /// Opens the configured store. The embedded file is owned by this process (<see cref="StoreAccess.Verb"/> is recorded
    /// beside it); a PostgreSQL database is shared, migrated to this build's schema on open. <paramref name="seed"/> fills
    /// a store only when this call creates it (the file, or the PostgreSQL schema).
    /// </summary>
    public static async Task<IBotStore> OpenAsync(StorageOptions options, TimeProvider clock, Func<IBotStore, CancellationToken, Task>? seed, CancellationToken ct) =>
        options.IsPostgres
            ? await OpenPostgresAsync(options, seed, ct)
            : await LiteDbStore.OpenAsync(options.Path, new StoreOpenOptions
            {
                Owner = StoreAccess.Verb,
                LockWait = options.LockTimeout,
                Clock = clock,
                Initialize = options.SeedDemoData && seed is not null ? (store, c) => seed(store, c) : null,
            }, ct);

    private static async Task<IBotStore> OpenPostgresAsync(StorageOptions options, Func<IBotStore, CancellationToken, Task>? seed, CancellationToken ct)
    {
        var store = new PostgresStore(options.ConnectionString is { Length: > 0 } c
            ? c
            : throw new InvalidOperationException("Storage:ConnectionString is empty; set it to the PostgreSQL connection string."));
        try
        {
            if (options.SeedDemoData && seed is not null && store.CreatedSchema)
            {
                await seed(store, ct);
            }

            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Who plans: on PostgreSQL the instance holding the planner lease (renewed every tick, held for
    /// <paramref name="period"/>); an instance alone with its embedded file always plans.
    /// </summary>
    public static IPlannerLease PlannerLease(IBotStore store, TimeSpan period) => store is PostgresStore postgres
        ? new PlannerLease(postgres.ConnectionString, $"{Environment.MachineName}:{Environment.ProcessId}", period)
        : new SoleInstanceLease();

    /// <summary>Registers every port of <paramref name="store"/> for the channels and the core.</summary>
    public static IServiceCollection AddStorePorts(this IServiceCollection services, IBotStore store)
    {
        services.AddSingleton(store);
        services.AddSingleton<IItemStore>(store);
        services.AddSingleton<IBoardStore>(store);
        services.AddSingleton<IPersonStore>(store);
        services.AddSingleton<IStoreAdmin>(store);
        services.AddSingleton<IConversationReferenceStore>(store);
        services.AddSingleton<IOutboxStore>(store);
        services.AddSingleton<INotificationInbox>(store);
        services.AddSingleton<IPageStateStore>(store);
        services.AddSingleton<IWorkQueue>(store);
        return services;
    }
}
