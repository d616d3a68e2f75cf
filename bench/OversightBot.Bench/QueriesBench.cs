using System.CommandLine;
using System.Diagnostics;
using OversightBot.Cli;
using OversightBot.Core.Conversation;
using OversightBot.Core.DemoData;
using OversightBot.Core.Domain;
using OversightBot.Core.Replies;
using OversightBot.Hosting;
using OversightBot.Storage.LiteDb;

namespace OversightBot.Bench;

/// <summary>
/// <c>queries [--items N] [--runs N]</c>: builds a store of N generated items (default 100,000) in a temp folder,
/// prints the in-process latency of a question per intent (median, p99) and the wall time of a cold <c>ask</c>.
/// </summary>
public static class QueriesBench
{
    public static Command Create(CliContext cli)
    {
        var items = CliOptions.Count("--items", 100_000, "generated items in the store");
        var runs = CliOptions.Count("--runs", 200, "runs per question");
        var command = new Command("queries", "measure query latency over many items and the cold start of ask") { items, runs };
        command.SetAction((r, ct) => RunAsync(r.GetValue(items), Math.Max(1, r.GetValue(runs)), cli.Console, ct));
        return command;
    }

    public static async Task<int> RunAsync(int count, int runs, CliConsole console, CancellationToken ct)
    {
        var output = console.Out;
        var dir = Path.Combine(Path.GetTempPath(), "oversightbot-bench-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(dir, "bench.db");
        try
        {
            var sw = Stopwatch.StartNew();
            await CliProgress.RunAsync(console, "generating items", count, async progress =>
            {
                using var store = new LiteDbStore(path);
                await store.UpsertManyAsync(CliProgress.Counting(Generate(count, new DateOnly(2026, 11, 23)), progress), ct);
            });

            await output.WriteLineAsync($"generated {count:N0} items in {sw.Elapsed.TotalSeconds:F1} s ({new FileInfo(path).Length / 1_048_576.0:F1} MB)");
            await MeasureQueriesAsync(path, runs, output, ct);
            await MeasureColdStartAsync(path, output, ct);
        }
        finally
        {
            TryDelete(dir);
        }

        return 0;
    }

    public static IEnumerable<TrackedItem> Generate(int count, DateOnly around)
    {
        var random = new Random(42);
        var owners = Enumerable.Range(1, 40).Select(i => $"Directorate {i}").ToArray();
        var source = new SourceRef { Document = "Generated document", Issuer = "Bench", Date = around.AddYears(-2) };
        for (var i = 1; i <= count; i++)
        {
            var status = (ItemStatus)(random.Next(10) switch { < 5 => 0, < 7 => 1, < 9 => 2, _ => 4 });
            yield return new TrackedItem
            {
                Id = $"R-{i}",
                Kind = (ItemKind)random.Next(4),
                Title = $"Generated obligation number {i}",
                Source = source,
                Owner = owners[random.Next(owners.Length)],
                Due = around.AddDays(random.Next(-730, 730)),
                Status = status,
            };
        }
    }

    /// <summary>
    /// Each question asked repeatedly, first with answer caching off (the real query cost every time), then with
    /// the cache the bot runs with (a repeat of an unchanged question).
    /// </summary>
    private static async Task MeasureQueriesAsync(string path, int runs, TextWriter output, CancellationToken ct)
    {
        var clerk = new Person { Email = "bench.clerk@example.org", Name = "Bench Clerk", Role = Role.Clerk, Team = "Directorate 7" };
        using (var setup = await BotRuntime.OpenAsync(new StorageOptions { Path = path, SeedDemoData = false }, TimeProvider.System, ct))
        {
            foreach (var board in DemoDataSet.LoadEmbedded().Boards)
            {
                await setup.Boards.UpsertBoardAsync(board, ct);
            }

            await setup.People.UpsertPersonAsync(clerk, ct);
        }

        var uncached = await MeasureAllAsync(path, runs, clerk, cacheAnswers: false, ct);
        var cached = await MeasureAllAsync(path, runs, clerk, cacheAnswers: true, ct);
        await output.WriteLineAsync($"{"question",-40} {"intent",-12} {"median",9} {"p99",9} {"repeat",9}  result");
        for (var q = 0; q < Questions.Length; q++)
        {
            var (median, p99, reply) = uncached[q];
            await output.WriteLineAsync(
                $"{Questions[q],-40} {reply.Intent,-12} {median,6:F2} ms {p99,6:F2} ms {cached[q].Median,6:F2} ms  total {reply.Total:N0}");
        }
    }

    private static async Task<List<(double Median, double P99, Reply Reply)>> MeasureAllAsync(
        string path, int runs, Person asker, bool cacheAnswers, CancellationToken ct)
    {
        using var runtime = await BotRuntime.OpenAsync(new StorageOptions { Path = path, SeedDemoData = false }, TimeProvider.System, ct, cacheAnswers);
        var results = new List<(double, double, Reply)>();
        foreach (var question in Questions)
        {
            var message = new InboundMessage { Channel = "bench", Text = question, AsOf = new DateOnly(2026, 11, 23), Asker = asker };
            var reply = await runtime.Conversation.HandleAsync(message, ct);
            for (var i = 0; i < 10; i++)
            {
                await runtime.Conversation.HandleAsync(message, ct);
            }

            var samples = new double[runs];
            for (var i = 0; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                reply = await runtime.Conversation.HandleAsync(message, ct);
                samples[i] = sw.Elapsed.TotalMilliseconds;
            }

            Array.Sort(samples);
            results.Add((Percentile(samples, 0.5), Percentile(samples, 0.99), reply));
        }

        return results;
    }

    /// <summary>One question per intent (writes included), asked repeatedly over the generated store.</summary>
    private static readonly string[] Questions =
    [
        "what's overdue?",
        "what's due this week?",
        "what's due in the next 30 days?",
        "status R-500",
        "status of generated obligation 4242",
        "what does Directorate 7 own?",
        "my items",
        "which boards are behind?",
        "is the VAWG board up to date?",
        "weekly digest",
        "subscribe to the digest",
        "unsubscribe",
        "R-501 is in progress: work started",
        "snooze R-502 for a week",
        "help",
        "tell me a joke",
    ];

    private static async Task MeasureColdStartAsync(string path, TextWriter output, CancellationToken ct)
    {
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var psi = ProductProcess.StartInfo("ask", "what's overdue?", "--as-of", "2026-11-23", "--db", path);
            var sw = Stopwatch.StartNew();
            using var p = Process.Start(psi)!;
            await p.StandardOutput.ReadToEndAsync(ct);
            await p.WaitForExitAsync(ct);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        await output.WriteLineAsync($"ask cold start (process wall time, 5 runs): median {times[2]:F0} ms, best {times[0]:F0} ms, worst {times[4]:F0} ms");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
