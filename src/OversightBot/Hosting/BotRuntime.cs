using OversightBot.Core.Conversation;
using OversightBot.Core.DemoData;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;
using OversightBot.Storage.LiteDb;

namespace OversightBot.Hosting;

/// <summary>
/// The core object graph without a web host: what the CLI verbs use, and what the web host registers.
/// One store instance per process.
/// </summary>
public sealed class BotRuntime : IDisposable
{
    private readonly bool _owner = true;

    private BotRuntime(IBotStore store, TimeProvider clock, bool cacheAnswers)
    {
        Store = store;
        Clock = clock;
        Recognizer = CreateRecognizer();
        Conversation = new ConversationService(Recognizer, store, store, store, clock, cacheAnswers, pages: store);
    }

    /// <summary>The host's runtime lent to a verb it runs: the same store and conversation, not disposed by the verb.</summary>
    private BotRuntime(BotRuntime host)
    {
        Store = host.Store;
        Clock = host.Clock;
        Recognizer = host.Recognizer;
        Conversation = host.Conversation;
        _owner = false;
    }

    /// <summary>The store's ports; which database is behind them is decided once, in <see cref="StoreFactory"/>.</summary>
    public IBotStore Store { get; }
    public TimeProvider Clock { get; }
    public IIntentRecognizer Recognizer { get; }
    public ConversationService Conversation { get; }

    public IItemStore Items => Store;
    public IBoardStore Boards => Store;
    public IPersonStore People => Store;

    /// <summary>The embedded store's file-level side (location, backup), when the store is the embedded one.</summary>
    public LiteDbStore? FileStore => Store as LiteDbStore;

    /// <param name="cacheAnswers">Remember read-only answers until the store changes (off only to measure raw query cost).</param>
    /// <remarks>
    /// Demo data goes only into a store this call creates. Inside the running host (a verb run on behalf of a CLI process)
    /// the host's own runtime is lent instead, so the file is never opened twice.
    /// </remarks>
    /// <exception cref="StoreInUseException">Another process owns the store.</exception>
    /// <exception cref="StoreRefusedException">The store is damaged, truncated, lost its write log, or is newer than this build; it was not changed.</exception>
    public static async Task<BotRuntime> OpenAsync(StorageOptions options, TimeProvider clock, CancellationToken ct, bool cacheAnswers = true)
    {
        if (StoreAccess.Host is { } host)
        {
            return host.Lend(options.Path);
        }

        var store = await StoreFactory.OpenAsync(options, clock, SeedAsync, ct);
        return new BotRuntime(store, clock, cacheAnswers);
    }

    private static Task SeedAsync(IBotStore store, CancellationToken ct) => DemoSeeder.SeedIfEmptyAsync(store, store, store, store, ct);

    private BotRuntime Lend(string path) =>
        FileStore is { } file && string.Equals(Path.GetFullPath(path), file.Files.Data, StringComparison.Ordinal)
            ? new BotRuntime(this)
            : throw new StoreInUseException(Path.GetFullPath(path), null);

    public static IIntentRecognizer CreateRecognizer() => new IntentRecognizer();

    public void Dispose()
    {
        if (_owner)
        {
            Conversation.Dispose();
            Store.Dispose();
        }
    }
}
