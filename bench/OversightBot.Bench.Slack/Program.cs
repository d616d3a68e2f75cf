using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OversightBot.Channels.Slack;
using OversightBot.Core.Conversation;
using OversightBot.Core.DemoData;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;
using OversightBot.Storage.LiteDb;

// Usage: dotnet run -c Release --project bench/OversightBot.Bench.Slack [-- SECONDS RATE CLIENTS]
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
const string Secret = "bench-signing-secret";

var folder = Directory.CreateTempSubdirectory("oversight-slack-bench");
try
{
    await using var slack = await StartAsync(WebApplication.CreateSlimBuilder(), app =>
        app.MapPost("/api/{method}", (string method) => Results.Text(
            method == "users.info" ? """{"ok":true,"user":{"id":"U1","is_bot":false,"profile":{"email":"olivia.officer@example.org"}}}""" : """{"ok":true,"ts":"1.1","channel":{"id":"D1"}}""",
            "application/json")));
    using var store = new LiteDbStore(Path.Combine(folder.FullName, "bench.db"));
    await DemoSeeder.SeedIfEmptyAsync(store, store, store, store, CancellationToken.None);
    using var conversation = new ConversationService(new IntentRecognizer(), store, store, store, TimeProvider.System);
    var builder = WebApplication.CreateSlimBuilder();
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Slack:SigningSecret"] = Secret,
        ["Slack:BotToken"] = "xoxb-bench",
        ["Slack:ApiBaseUrl"] = new Uri(slack.Url, "api/").ToString(),
    });
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddSingleton(conversation);
    builder.Services.AddSingleton<IPersonStore>(store);
    builder.Services.AddSingleton<IConversationReferenceStore>(store);
    builder.Services.AddSingleton<IWorkQueue>(store);
    builder.Services.AddSlackChannel(builder.Configuration);
    await using var bot = await StartAsync(builder, app => app.MapSlackChannel());
    using var http = new HttpClient { BaseAddress = bot.Url };

    Console.WriteLine($"Slack bench: {seconds} s per figure, {rate} req/s open loop, {clients} clients closed loop, {Environment.ProcessorCount} cores");
    await OpenLoopAsync(http, "events", 2, n => Event(n), seconds: 2); // warm-up
    var events = await OpenLoopAsync(http, "events", rate, n => Event(n + 1_000_000), seconds);
    Report($"ack /slack/events at {rate}/s", events);
    var commands = await OpenLoopAsync(http, "commands", rate, _ => Command("help"), seconds);
    Report($"ack /slack/commands (help) at {rate}/s", commands);
    var throughput = await ClosedLoopAsync(http, clients, seconds);
    Console.WriteLine($"\"what's overdue?\" via /slack/commands: {throughput:F0} answers/s ({clients} clients)");
}
finally
{
    folder.Delete(recursive: true);
}

static string Event(int n) =>
    """{"type":"event_callback","team_id":"T1","event_id":"Ev#","authorizations":[{"user_id":"UBOT"}],"event":{"type":"message","channel_type":"im","channel":"D1","user":"U1","text":"what's overdue?","ts":"1.#"}}"""
        .Replace("#", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

static string Command(string text) =>
    $"team_id=T1&channel_id=C1&user_id=U1&command=%2Foversight&text={Uri.EscapeDataString(text)}&response_url=https%3A%2F%2Fhooks.slack.com%2Fx&trigger_id=t";

static HttpRequestMessage Signed(string path, string body)
{
    var ts = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    var request = new HttpRequestMessage(HttpMethod.Post, "slack/" + path)
    {
        Content = new StringContent(body, Encoding.UTF8, path == "events" ? "application/json" : "application/x-www-form-urlencoded"),
    };
    request.Headers.Add(SlackSignature.TimestampHeader, ts);
    request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Sign(Secret, ts, Encoding.UTF8.GetBytes(body)));
    return request;
}

static async Task<List<double>> OpenLoopAsync(HttpClient http, string path, int rate, Func<int, string> body, int seconds)
{
    var latencies = new List<double>();
    var tasks = new List<Task>();
    var clock = Stopwatch.StartNew();
    var total = rate * seconds;
    for (var n = 0; n < total; n++)
    {
        var due = TimeSpan.FromSeconds((double)n / rate);
        if (due > clock.Elapsed)
        {
            await Task.Delay(due - clock.Elapsed);
        }

        var request = Signed(path, body(n));
        tasks.Add(Task.Run(async () =>
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (latencies)
            {
                latencies.Add(ms);
            }
        }));
    }

    await Task.WhenAll(tasks);
    return latencies;
}

static async Task<double> ClosedLoopAsync(HttpClient http, int clients, int seconds)
{
    var answered = 0;
    var until = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
    {
        while (until.Elapsed.TotalSeconds < seconds)
        {
            using var response = await http.SendAsync(Signed("commands", Command("what's overdue?")));
            response.EnsureSuccessStatusCode();
            Interlocked.Increment(ref answered);
        }
    }));
    return answered / until.Elapsed.TotalSeconds;
}

static void Report(string what, List<double> ms)
{
    ms.Sort();
    double P(double q) => ms[Math.Min(ms.Count - 1, (int)(q * ms.Count))];
    Console.WriteLine($"{what}: p50 {P(0.50):F2} ms, p99 {P(0.99):F2} ms, max {ms[^1]:F2} ms ({ms.Count} requests)");
}

static async Task<Running> StartAsync(WebApplicationBuilder builder, Action<WebApplication> map)
{
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.ClearProviders();
    var app = builder.Build();
    map(app);
    await app.StartAsync();
    var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    return new Running(app, new Uri(address.TrimEnd('/') + "/"));
}

internal sealed record Running(WebApplication App, Uri Url) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => App.DisposeAsync();
}
