namespace OversightBot.Core.Ports;

/// <summary>
/// Every port a store implements, as the host holds it: the host opens one store per process and hands its ports
/// to the core and the channels, without knowing which database is behind them.
/// </summary>
public interface IBotStore :
    IItemStore, IBoardStore, IPersonStore, IStoreAdmin, IConversationReferenceStore, IOutboxStore, INotificationInbox, IPageStateStore, IWorkQueue, IDisposable;
