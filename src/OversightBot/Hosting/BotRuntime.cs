using OversightBot.Core.Conversation;
using OversightBot.Core.DemoData;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;

namespace OversightBot.Hosting;

/// <summary>
/// The core object graph without a web host: what the CLI verbs use, and what the web host registers.
/// One store instance per process.
/// </summary>
public sealed class BotRuntime : IDisposable
{
    private BotRuntime(IBotStore store, TimeProvider clock, bool cacheAnswers)
    {
        Store = store;
        Clock = clock;
        Recognizer = CreateRecognizer();
        Conversation = new ConversationService(Recognizer, store, store, store, clock, cacheAnswers, pages: store);
    }

    /// <summary>The store's ports; which database is behind them is decided once, in <see cref="StoreFactory"/>.</summary>
    public IBotStore Store { get; }
    public TimeProvider Clock { get; }
    public IIntentRecognizer Recognizer { get; }
    public ConversationService Conversation { get; }

    public IItemStore Items => Store;
    public IBoardStore Boards => Store;
    public IPersonStore People => Store;

    /// <param name="cacheAnswers">Remember read-only answers until the store changes (off only to measure raw query cost).</param>
    public static async Task<BotRuntime> OpenAsync(StorageOptions options, TimeProvider clock, CancellationToken ct, bool cacheAnswers = true)
    {
        var store = StoreFactory.Open(options);
        try
        {
            if (options.SeedDemoData)
            {
                await DemoSeeder.SeedIfEmptyAsync(store, store, store, store, ct);
            }

            return new BotRuntime(store, clock, cacheAnswers);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public static IIntentRecognizer CreateRecognizer() => new IntentRecognizer();

    public void Dispose()
    {
        Conversation.Dispose();
        Store.Dispose();
    }
}
