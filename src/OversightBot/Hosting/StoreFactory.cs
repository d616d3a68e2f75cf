using OversightBot.Core.Ports;
using OversightBot.Storage.LiteDb;
using OversightBot.Storage.Postgres;

namespace OversightBot.Hosting;

/// <summary>The one place the host names a database: opens the configured store and hands out its ports.</summary>
public static class StoreFactory
{
    public static IBotStore Open(StorageOptions options) => options.IsPostgres
        ? new PostgresStore(options.ConnectionString ?? throw new InvalidOperationException("Storage:ConnectionString is empty; set it to the PostgreSQL connection string."))
        : new LiteDbStore(options.Path);

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
