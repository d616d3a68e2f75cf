namespace OversightBot.Channels.Teams.Tests.Fakes;

/// <summary>The usual stage: a local token issuer, a fake Connector, and the bot with authentication on.</summary>
public sealed class AuthenticatedBot : IAsyncDisposable
{
    private AuthenticatedBot(FakeIssuer issuer, FakeConnector connector, TeamsBotHost bot)
    {
        Issuer = issuer;
        Connector = connector;
        Bot = bot;
    }

    public FakeIssuer Issuer { get; }

    public FakeConnector Connector { get; }

    public TeamsBotHost Bot { get; }

    public HttpClient Http { get; } = new();

    public static async Task<AuthenticatedBot> StartAsync(TimeProvider? clock = null)
    {
        var issuer = await FakeIssuer.StartAsync();
        var connector = await FakeConnector.StartAsync();
        var bot = await TeamsBotHost.StartAsync(TeamsBotHost.Authenticated(issuer, connector), clock);
        return new AuthenticatedBot(issuer, connector, bot);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
