using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OversightBot.Core.Conversation;
using OversightBot.Core.DemoData;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;
using OversightBot.Storage.LiteDb;
using OversightBot.Testing;

namespace OversightBot.Channels.Teams.Tests.Fakes;

/// <summary>The bot under test: the Teams channel on real Kestrel, over a real LiteDB file with the demo data.</summary>
public sealed class TeamsBotHost : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    private readonly TempFolder _folder = new();
    private WebApplication _app = null!;

    public Uri BaseUrl { get; private set; } = null!;
    public Uri MessagesUrl => new(BaseUrl, "api/messages");
    public LiteDbStore Store { get; private set; } = null!;
    public ConversationService Conversation { get; private set; } = null!;
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the bot; <paramref name="settings"/> are "Teams:..." keys (no AppId = development mode).</summary>
    public static async Task<TeamsBotHost> StartAsync(
        IDictionary<string, string?> settings, TimeProvider? clock = null, string? urls = null, Func<IItemStore, IItemStore>? items = null)
    {
        var host = new TeamsBotHost();
        clock ??= TimeProvider.System;
        host.Store = new LiteDbStore(host._folder.File("teams.db"));
        await DemoSeeder.SeedIfEmptyAsync(host.Store, host.Store, host.Store, host.Store, CancellationToken.None);
        host.Conversation = new ConversationService(new IntentRecognizer(), items?.Invoke(host.Store) ?? host.Store, host.Store, host.Store, clock);
        var builder = Loopback.Builder();
        if (urls is not null)
        {
            builder.WebHost.UseUrls(urls);
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(host.Conversation);
        builder.Services.AddSingleton<IPersonStore>(host.Store);
        builder.Services.AddSingleton<IConversationReferenceStore>(host.Store);
        builder.Services.AddSingleton<IWorkQueue>(host.Store);
        builder.Services.AddTeamsChannel(builder.Configuration);
        host._app = builder.Build();
        host._app.MapTeamsChannel();
        host.BaseUrl = await Loopback.StartAsync(host._app);
        return host;
    }

    /// <summary>Settings for an authenticated bot that trusts <paramref name="issuer"/> and talks to <paramref name="connector"/>.</summary>
    public static Dictionary<string, string?> Authenticated(FakeIssuer issuer, FakeConnector connector) => new()
    {
        ["Teams:AppId"] = AppId,
        ["Teams:AppPassword"] = "not-a-real-secret",
        ["Teams:OpenIdMetadataUrl"] = issuer.MetadataUrl,
        ["Teams:TokenEndpoint"] = connector.TokenEndpoint,
        ["Teams:AllowedServiceUrlHosts:0"] = "127.0.0.1",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Conversation.Dispose();
        Store.Dispose();
        _folder.Dispose();
    }
}
