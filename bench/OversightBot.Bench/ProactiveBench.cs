using System.CommandLine;
using System.Diagnostics;
using OversightBot.Cli;
using OversightBot.Core.Domain;
using OversightBot.Core.Proactive;
using OversightBot.Core.Time;
using OversightBot.Hosting;
using OversightBot.Storage.LiteDb;

namespace OversightBot.Bench;

/// <summary>
/// <c>proactive [--items N] [--nudges N] [--conversations N] [--rate N] [--items-db PATH]</c>: (1) runs the
/// proactive engine, as <c>serve</c> builds it, over N generated items (default 1,000,000) in a temp LiteDB file, tick by
/// tick as the host ticks it (a start-up with catch-up, re-plans, then the first ticks of Tuesday to Friday and Monday),
/// and prints every tick's length, the rows planned and written, and RSS; (2) fans out N nudges (default 10,000)
/// through a fake channel that allows one message per second per conversation and a workspace rate, answering 429
/// with Retry-After beyond them, and prints the total time against the rate-limit floor and how many were lost.
/// </summary>
public static class ProactiveBench
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    public static Command Create(CliContext cli)
    {
        var items = CliOptions.Count("--items", 1_000_000, "generated items to plan over (0 skips planning)");
        var nudges = CliOptions.Count("--nudges", 10_000, "nudges to fan out (0 skips the fan-out)");
        var conversations = CliOptions.Count("--conversations", 2_000, "conversations the nudges go to");
        var rate = CliOptions.Count("--rate", 250, "messages per second the fake channel allows overall");
        var itemsDb = new Option<string?>("--items-db") { Description = "keep the generated items in this file and reuse it next time", HelpName = "PATH" };
        var command = new Command("proactive", "measure planning over many items and a rate-limited fan-out") { items, nudges, conversations, rate, itemsDb };
        command.SetAction((r, ct) => RunAsync(
            new Settings(r.GetValue(items), r.GetValue(nudges), Math.Max(1, r.GetValue(conversations)), Math.Max(1, r.GetValue(rate)), r.GetValue(itemsDb)), cli.Console, ct));
        return command;
    }

    /// <summary>The sizes of a run.</summary>
    public sealed record Settings(int Items, int Nudges, int Conversations, int Rate, string? ItemsDb);

    public static async Task<int> RunAsync(Settings settings, CliConsole console, CancellationToken ct)
    {
        var output = console.Out;
        var (items, nudges, conversations, rate, itemsDb) = settings;
        var dir = Path.Combine(Path.GetTempPath(), "oversightbot-bench-proactive-" + Guid.NewGuid().ToString("N"));
        try
        {
            if (items > 0)
            {
                var path = Path.Combine(dir, "plan.db");
                await PrepareItemsAsync(path, items, itemsDb, console, ct);
                await PlanningAsync(path, output, ct);
            }

            if (nudges > 0)
            {
                await FanOutBench.RunAsync(Path.Combine(dir, "fanout.db"), nudges, conversations, rate, output, ct);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        return 0;
    }

    /// <summary>Generates the items (slow: minutes for a million) or copies them from <c>--items-db</c>, generating that file once.</summary>
    private static async Task PrepareItemsAsync(string path, int count, string? keep, CliConsole console, CancellationToken ct)
    {
        var output = console.Out;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (keep is not null && File.Exists(keep))
        {
            File.Copy(keep, path);
            FlushToDisk(path);
            await output.WriteLineAsync($"planning: items copied from {keep} ({new FileInfo(path).Length / 1_048_576.0:F0} MB)");
            return;
        }

        await GenerateAsync(path, count, console, ct);
        if (keep is not null)
        {
            File.Copy(path, keep);
        }
    }

    /// <summary>Waits until the copy is on disk, so the ticks measured do not share the disk with the copy's own writes.</summary>
    private static void FlushToDisk(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Flush(flushToDisk: true);
    }

    private static async Task GenerateAsync(string path, int count, CliConsole console, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        await CliProgress.RunAsync(console, "generating items", count, async progress =>
        {
            using var store = new LiteDbStore(path);
            var done = 0;
            foreach (var chunk in Generate(count).Chunk(50_000))
            {
                await store.UpsertManyAsync(chunk, ct);
                progress.Report(done += chunk.Length);
            }

            foreach (var p in People())
            {
                await store.UpsertPersonAsync(p, ct);
            }
        });

        await console.Out.WriteLineAsync($"planning: generated {count:N0} items in {sw.Elapsed.TotalSeconds:F0} s ({new FileInfo(path).Length / 1_048_576.0:F0} MB)");
    }

    private static async Task PlanningAsync(string path, TextWriter output, CancellationToken ct)
    {
        var clock = new BenchClock(London.At(Today, new TimeOnly(0, 5)));
        using var runtime = await BotRuntime.OpenAsync(new StorageOptions { Path = path, SeedDemoData = false }, clock, ct);
        await output.WriteLineAsync($"  after opening the store: {Memory()}");
        // The engine as serve builds it, with the default settings; the ticks run at night, so nothing is dispatched.
        var settings = new ProactiveOptions();
        var policy = settings.ToPolicy();
        var engine = ProactiveComposition.CreateEngine(runtime, runtime.Store, [], policy, settings.ToDispatcher(), clock, settings.ToEngine());
        await output.WriteLineAsync(
            $"  engine: tick budget {settings.TickBudget.TotalMilliseconds:F0} ms; while busy the next tick follows after {settings.BusyTickInterval.TotalSeconds:F0} s, otherwise after {settings.TickInterval.TotalMinutes:F0} min");

        async Task<string> TicksAsync()
        {
            var series = await RunTicksAsync(engine, clock, settings.BusyTickInterval, ct);
            return series.Describe() + $"; after: {Memory()}";
        }

        await output.WriteLineAsync($"  start-up on a Monday (7-day catch-up, 50 digests): {await TicksAsync()}");
        var replans = new List<TickSeries>();
        for (var i = 0; i < 10; i++)
        {
            clock.Now += policy.ReplanEvery;
            replans.Add(await RunTicksAsync(engine, clock, settings.BusyTickInterval, ct));
        }

        var replanTicks = replans.SelectMany(r => r.Ticks).Order().ToList();
        // Each re-plan is one or more ticks; all of them are listed.
        await output.WriteLineAsync(
            $"  re-plans the same day, every {policy.ReplanEvery.TotalMinutes:F0} min (nothing new), 10 of them: {replanTicks.Count} ticks, median {replanTicks[replanTicks.Count / 2]:F0} ms, longest {replanTicks[^1]:F0} ms; rows {replans.Sum(r => r.Planned)}");
        foreach (var d in new[] { 1, 2, 3, 4, 7 })
        {
            var day = Today.AddDays(d);
            clock.Now = London.At(day, new TimeOnly(0, 5));
            await output.WriteLineAsync($"  first tick of {day:ddd d MMM} on: {await TicksAsync()}");
        }

        using var me = Process.GetCurrentProcess();
        me.Refresh();
        await output.WriteLineAsync($"  RSS now {me.WorkingSet64 / 1_048_576.0:F0} MB, peak {me.PeakWorkingSet64 / 1_048_576.0:F0} MB; {Memory()}");
    }

    /// <summary>Ticks the engine as the host does (busy: again after the short pause) until it has nothing left to do.</summary>
    private static async Task<TickSeries> RunTicksAsync(ProactiveEngine engine, BenchClock clock, TimeSpan busyPause, CancellationToken ct)
    {
        var series = new TickSeries { From = clock.Now };
        while (true)
        {
            var sw = Stopwatch.StartNew();
            var report = await engine.TickAsync(ct);
            var ms = sw.Elapsed.TotalMilliseconds;
            series.Ticks.Add(ms);
            (report.Steps > 0 ? series.PlanningTicks : series.WriteTicks).Add(ms);
            series.Planned += report.PlannedRows;
            series.Added += report.Added;
            series.Plan = report.Finished ?? series.Plan;
            if (!report.Busy)
            {
                series.To = clock.Now;
                return series;
            }

            clock.Now += busyPause;
        }
    }

    private sealed class TickSeries
    {
        public List<double> Ticks { get; } = [];
        public List<double> PlanningTicks { get; } = [];
        public List<double> WriteTicks { get; } = [];
        public int Planned { get; set; }
        public int Added { get; set; }
        public PlanSummary? Plan { get; set; }
        public DateTimeOffset From { get; init; }
        public DateTimeOffset To { get; set; }

        public string Describe()
        {
            static string Longest(List<double> t) => t.Count == 0 ? "-" : $"{t.Max():F0} ms";
            var sorted = Ticks.Order().ToList();
            var text = $"{Ticks.Count} ticks, longest {sorted[^1]:F0} ms, {Ticks.Count(t => t > 200)} over 200 ms (planning ticks: {PlanningTicks.Count}, longest {Longest(PlanningTicks)}; " +
                $"write-only ticks: {WriteTicks.Count}, longest {Longest(WriteTicks)}), median {sorted[sorted.Count / 2]:F0} ms, sum {Ticks.Sum():F0} ms; " +
                $"{Planned:N0} rows planned, {Added:N0} written, all in the outbox {(To - From).TotalSeconds:F0} s after the first tick";
            if (Plan is { Stats: var st })
            {
                text += $"; plan: {st.Steps:N0} steps, {st.Items:N0} items read in {st.ReadItems.TotalMilliseconds:F0} ms, {st.LookedUp:N0} of {st.Considered:N0} keys looked up in {st.CheckKeys.TotalMilliseconds:F0} ms, rest {st.Rest.TotalMilliseconds:F0} ms";
            }

            return text;
        }
    }

    /// <summary>Where memory is: RSS, the GC heap (live after the last collection) and what the GC has committed.</summary>
    private static string Memory()
    {
        using var me = Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo();
        return $"RSS {me.WorkingSet64 / 1_048_576.0:F0} MB, GC heap {gc.HeapSizeBytes / 1_048_576.0:F0} MB (committed {gc.TotalCommittedBytes / 1_048_576.0:F0} MB; gen2 {gc.GenerationInfo[2].SizeAfterBytes / 1_048_576.0:F0} MB, LOH {gc.GenerationInfo[3].SizeAfterBytes / 1_048_576.0:F0} MB)";
    }

    /// <summary>Owners are 2,000 people; most past items are done, most future ones open.</summary>
    public static IEnumerable<TrackedItem> Generate(int count)
    {
        var random = new Random(7);
        var source = new SourceRef { Document = "Generated document", Issuer = "Bench", Date = Today.AddYears(-4) };
        for (var i = 1; i <= count; i++)
        {
            var due = Today.AddDays(random.Next(-3 * 365, 2 * 365));
            var open = due < Today ? random.Next(100) < 2 : random.Next(100) < 70;
            yield return new TrackedItem
            {
                Id = $"B-{i}",
                Kind = ItemKind.ImprovementAction,
                Title = $"Generated obligation {i}",
                Source = source,
                Owner = $"person{random.Next(2_000)}@example.org",
                Due = due,
                Status = open ? ItemStatus.Open : ItemStatus.Done,
                Closed = open ? null : due,
            };
        }
    }

    private static IEnumerable<Person> People()
    {
        for (var m = 0; m < 50; m++)
        {
            yield return new Person { Email = $"manager{m}@example.org", Name = $"Manager {m}", Role = Role.Manager, Preferences = { Digest = new DigestSubscription() } };
        }

        for (var i = 0; i < 2_000; i++)
        {
            yield return new Person { Email = $"person{i}@example.org", Name = $"Person {i}", ManagerEmail = $"manager{i % 50}@example.org" };
        }
    }

    /// <summary>A settable clock for the planning benchmark.</summary>
    public sealed class BenchClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    }
}
