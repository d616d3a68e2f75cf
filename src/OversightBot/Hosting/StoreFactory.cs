using OversightBot.Core.Ports;
using OversightBot.Storage.LiteDb;

namespace OversightBot.Hosting;

/// <summary>The one place the host names a database: opens the configured store and hands out its ports.</summary>
public static class StoreFactory
{
    /// <summary>
    /// Opens the configured store, owning it for this process (<see cref="StoreAccess.Verb"/> is recorded beside it);
    /// <paramref name="seed"/> fills a store only when this call creates it.
    /// </summary>
    public static async Task<IBotStore> OpenAsync(StorageOptions options, TimeProvider clock, Func<IBotStore, CancellationToken, Task>? seed, CancellationToken ct) =>
        await LiteDbStore.OpenAsync(options.Path, new StoreOpenOptions
        {
            Owner = StoreAccess.Verb,
            LockWait = options.LockTimeout,
            Clock = clock,
            Initialize = options.SeedDemoData && seed is not null ? (store, c) => seed(store, c) : null,
        }, ct);

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
