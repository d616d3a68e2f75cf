using OversightBot.Core.Ports;
using OversightBot.Storage.LiteDb;

namespace OversightBot.Hosting;

/// <summary>The one place the host names a database: opens the configured store and hands out its ports.</summary>
public static class StoreFactory
{
    public static IBotStore Open(StorageOptions options) => new LiteDbStore(options.Path);

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
