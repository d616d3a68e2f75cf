using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OversightBot.Core.Conversation;
using OversightBot.Core.DemoData;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;
using OversightBot.Storage.LiteDb;
using OversightBot.Testing;

namespace OversightBot.Channels.Slack.Tests.Fakes;

/// <summary>The bot under test: the Slack channel on real Kestrel, over a real LiteDB file with the demo data, talking to a fake Slack.</summary>
public sealed class SlackBotHost : IAsyncDisposable
{
    public const string Secret = "test-signing-secret-0123456789abcdef";
    private readonly HttpClient _http = new();
    private TempFolder _folder = null!;
    private bool _ownsFolder;
    private WebApplication _app = null!;

    public Uri BaseUrl { get; private set; } = null!;
    public LiteDbStore Store { get; private set; } = null!;
    public ConversationService Conversation { get; private set; } = null!;
    public IServiceProvider Services => _app.Services;
    public LogLines Logs { get; } = new();

    /// <summary>Starts the bot; with <paramref name="folder"/> its store is that folder's file, kept when the bot stops (a restart).</summary>
    public static async Task<SlackBotHost> StartAsync(FakeSlack slack, IDictionary<string, string?>? settings = null, bool withSecret = true, TempFolder? folder = null)
    {
        var host = new SlackBotHost { _folder = folder ?? new TempFolder(), _ownsFolder = folder is null };
        host.Store = new LiteDbStore(host._folder.File("slack.db"));
        await DemoSeeder.SeedIfEmptyAsync(host.Store, host.Store, host.Store, host.Store, CancellationToken.None);
        host.Conversation = new ConversationService(new IntentRecognizer(), host.Store, host.Store, host.Store, TimeProvider.System);
        var builder = Loopback.Builder();
        builder.Logging.AddProvider(host.Logs);
        var config = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = withSecret ? Secret : null,
            ["Slack:BotToken"] = FakeSlack.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            config[k] = v;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(host.Conversation);
        builder.Services.AddSingleton<IPersonStore>(host.Store);
        builder.Services.AddSingleton<IConversationReferenceStore>(host.Store);
        builder.Services.AddSingleton<IWorkQueue>(host.Store);
        builder.Services.AddSlackChannel(builder.Configuration);
        host._app = builder.Build();
        host._app.MapSlackChannel();
        host.BaseUrl = await Loopback.StartAsync(host._app);
        return host;
    }

    /// <summary>Posts <paramref name="body"/> to <paramref name="path"/> signed as Slack would (now, with the test secret).</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType, long? timestamp = null, string? secret = null, int? retryNum = null)
    {
        var ts = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl, path.TrimStart('/')))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.Add(SlackSignature.TimestampHeader, ts);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Sign(secret ?? Secret, ts, Encoding.UTF8.GetBytes(body)));
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return _http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string path, HttpContent content) => _http.PostAsync(new Uri(BaseUrl, path.TrimStart('/')), content);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Conversation.Dispose();
        Store.Dispose();
        if (_ownsFolder)
        {
            _folder.Dispose();
        }
    }
}
