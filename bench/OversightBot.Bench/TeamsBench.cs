using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OversightBot.Cli;

namespace OversightBot.Bench;

/// <summary>
/// <c>teams [--requests N] [--concurrency N] [--warmup SECONDS] [--no-cache] [--js]</c>: signed "what's overdue?" activities posted to
/// /api/messages of the real web host (auth on, demo data), measured until the reply reaches a fake Connector on
/// loopback: throughput and p50/p99. <c>--js</c> runs the same load against the JS botbuilder echo bot
/// (tests/peers/botbuilder-bot.js, needs tests/peers/node_modules).
/// </summary>
public static class TeamsBench
{
    private const string AppId = "5a1f0b6e-7d2c-4c3e-9f10-2b3c4d5e6f70";
    private static string Text = "what's overdue?";

    /// <summary>
    /// How long each bot is loaded before measuring: .NET's tiered JIT (and V8's) reach their optimized code only
    /// after seconds of load, so a short warm-up measures the compiler rather than the bot.
    /// </summary>
    private static TimeSpan Warmup = TimeSpan.FromSeconds(10);

    public static Command Create(CliContext cli)
    {
        var requests = CliOptions.Count("--requests", 3000, "activities to post");
        var concurrency = CliOptions.Count("--concurrency", 16, "activities in flight at once");
        var warmup = CliOptions.Count("--warmup", 10, "seconds of load before measuring");
        var text = new Option<string>("--text") { Description = "the question each activity asks", DefaultValueFactory = _ => "what's overdue?" };
        var js = new Option<bool>("--js") { Description = "also load the JS botbuilder echo bot (needs tests/peers/node_modules)" };
        var noAuth = new Option<bool>("--no-auth") { Description = "run the bot in development mode (no token checks)" };
        var noCache = new Option<bool>("--no-cache") { Description = "answer every question from the store (Storage:CacheAnswers=false)" };
        var command = new Command("teams", "Teams /api/messages throughput and p50/p99, reply delivered to a fake Connector") { requests, concurrency, warmup, text, js, noAuth, noCache };
        command.SetAction((r, ct) => RunAsync(
            new Settings(Math.Max(1, r.GetValue(requests)), Math.Max(1, r.GetValue(concurrency)), r.GetValue(warmup), r.GetValue(text)!, r.GetValue(js), r.GetValue(noAuth), r.GetValue(noCache)),
            cli.Console.Out,
            ct));
        return command;
    }

    /// <summary>The load of a run.</summary>
    public sealed record Settings(int Requests, int Concurrency, int WarmupSeconds, string Text, bool Js, bool NoAuth, bool NoCache);

    public static async Task<int> RunAsync(Settings settings, TextWriter output, CancellationToken ct)
    {
        Text = settings.Text;
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        ThreadPool.SetMinThreads(Math.Max(minWorkers, 64), minIo);
        var requests = settings.Requests;
        var concurrency = settings.Concurrency;
        Warmup = TimeSpan.FromSeconds(settings.WarmupSeconds);
        await using var peers = new TeamsBenchPeers();
        await peers.StartAsync();
        var dir = Path.Combine(Path.GetTempPath(), "oversightbot-bench-teams-" + Guid.NewGuid().ToString("N"));
        var port = FreePort();
        await output.WriteLineAsync($"bench-teams: {requests:N0} signed \"{Text}\" activities, {concurrency} at a time, after {Warmup.TotalSeconds:F0} s of warm-up, each bot in its own process, reply delivered to a fake Connector on loopback");
        using (var bot = StartSelf(
            "serve", "--urls", $"http://127.0.0.1:{port}", "--db", Path.Combine(dir, "bench.db"),
            settings.NoAuth ? "--Teams:AppId=" : $"--Teams:AppId={AppId}", "--Teams:AppPassword=bench-secret", $"--Teams:OpenIdMetadataUrl={peers.MetadataUrl}",
            $"--Teams:TokenEndpoint={peers.TokenEndpoint}", "--Teams:AllowedServiceUrlHosts:0=127.0.0.1", "--Logging:LogLevel:Default=Warning",
            $"--Storage:CacheAnswers={!settings.NoCache}"))
        {
            try
            {
                await WaitHealthyAsync(new Uri($"http://127.0.0.1:{port}/health"), ct);
                await RunLoadAsync($"OversightBot \"{Text}\"{(settings.NoCache ? ", no answer cache" : "")}", bot, new Uri($"http://127.0.0.1:{port}/api/messages"), peers, requests, concurrency, output, ct);
            }
            finally
            {
                bot.Kill(entireProcessTree: true);
                await bot.WaitForExitAsync(CancellationToken.None);
            }
        }

        TryDelete(dir);
        if (settings.Js)
        {
            await RunJsAsync(peers, requests, concurrency, output, ct);
        }

        return 0;
    }

    private static async Task RunJsAsync(TeamsBenchPeers peers, int requests, int concurrency, TextWriter output, CancellationToken ct)
    {
        var script = FindPeersScript();
        if (script is null)
        {
            await output.WriteLineAsync("JS botbuilder: skipped — tests/peers/node_modules not found (run tests/run.sh once, or npm install in tests/peers).");
            return;
        }

        var port = FreePort();
        var info = new ProcessStartInfo("node", [script]) { WorkingDirectory = Path.GetDirectoryName(script)!, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        info.Environment["APP_ID"] = AppId;
        info.Environment["METADATA_URL"] = peers.MetadataUrl;
        info.Environment["MODE"] = "echo";
        using var node = Process.Start(info)!;
        try
        {
            while (await node.StandardOutput.ReadLineAsync(ct) is { } line && !line.StartsWith("listening", StringComparison.Ordinal))
            {
            }

            await RunLoadAsync("JS botbuilder echo bot", node, new Uri($"http://127.0.0.1:{port}/api/messages"), peers, requests, concurrency, output, ct);
        }
        finally
        {
            node.Kill(entireProcessTree: true);
            await node.WaitForExitAsync(ct);
        }
    }

    private static async Task RunLoadAsync(string name, Process bot, Uri url, TeamsBenchPeers peers, int requests, int concurrency, TextWriter output, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 });
        var token = "Bearer " + peers.Token(AppId);
        var warming = Stopwatch.StartNew();
        for (var round = 0; round == 0 || warming.Elapsed < Warmup; round++)
        {
            await LoadAsync(http, url, peers, token, Math.Min(1000, requests), concurrency, $"warm{round}", ct);
        }

        bot.Refresh();
        var cpuBefore = bot.TotalProcessorTime;
        var harnessBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var (samples, errors) = await LoadAsync(http, url, peers, token, requests, concurrency, "run", ct);
        var seconds = watch.Elapsed.TotalSeconds;
        bot.Refresh();
        var cpuPerReply = (bot.TotalProcessorTime - cpuBefore).TotalMilliseconds / Math.Max(1, samples.Count);
        var harnessPerReply = (Process.GetCurrentProcess().TotalProcessorTime - harnessBefore).TotalMilliseconds / Math.Max(1, samples.Count);
        samples.Sort();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{name,-32} {samples.Count / seconds,8:F0} replies/s   p50 {Percentile(samples, 0.50),6:F2} ms   p99 {Percentile(samples, 0.99),6:F2} ms   bot CPU {cpuPerReply:F2} ms/reply   load+connector CPU {harnessPerReply:F2} ms/reply   errors {errors}"));
    }

    private static async Task<(List<double> Samples, int Errors)> LoadAsync(
        HttpClient http, Uri url, TeamsBenchPeers peers, string token, int requests, int concurrency, string tag, CancellationToken ct)
    {
        var samples = new List<double>(requests);
        var errors = 0;
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            // One simulated user per worker, each in their own personal chat (as in Teams); each activity has its
            // own id, which the reply names as replyToId.
            var conversation = $"a:bench-user-{worker}";
            while (Interlocked.Increment(ref next) is var i && i < requests)
            {
                var id = $"{tag}-{i}";
                var delivered = peers.WaitForReply(id);
                var started = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(Activity(peers.ServiceUrl, conversation, worker, id), Encoding.UTF8, "application/json") };
                request.Headers.TryAddWithoutValidation("Authorization", token);
                using var response = await http.SendAsync(request, ct);
                var ok = response.IsSuccessStatusCode && await Task.WhenAny(delivered, Task.Delay(5000, ct)) == delivered;
                lock (samples)
                {
                    if (ok)
                    {
                        samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    else
                    {
                        errors++;
                    }
                }
            }
        });
        await Task.WhenAll(workers);
        return (samples, errors);
    }

    private static string Activity(string serviceUrl, string conversation, int user, string id) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = $"29:bench-user-{user}", ["aadObjectId"] = $"0b5e0d7c-0000-4000-8000-{user:D12}" },
        ["recipient"] = new JsonObject { ["id"] = "28:" + AppId },
        ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "72f988bf-86f1-41af-91ab-2d7cd011db47" } },
        ["text"] = Text,
    }.ToJsonString();

    /// <summary>Starts the product (OversightBot, built beside the benchmarks) with <paramref name="args"/>.</summary>
    private static Process StartSelf(params string[] args)
    {
        var process = Process.Start(ProductProcess.StartInfo(args))!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static async Task WaitHealthyAsync(Uri health, CancellationToken ct)
    {
        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var res = await http.GetAsync(health, ct);
                if (res.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException("The bot did not become healthy.");
    }

    private static string? FindPeersScript()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var script = Path.Combine(dir.FullName, "tests", "peers", "botbuilder-bot.js");
                if (File.Exists(script) && Directory.Exists(Path.Combine(dir.FullName, "tests", "peers", "node_modules")))
                {
                    return script;
                }
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
