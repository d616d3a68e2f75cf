using System.Diagnostics;
using OversightBot.Core.Domain;
using OversightBot.Core.Proactive;
using OversightBot.Core.Time;
using OversightBot.Hosting;
using OversightBot.Storage.LiteDb;

namespace OversightBot.Cli;

/// <summary>
/// <c>bench-proactive [--items N] [--nudges N] [--conversations N] [--rate N]</c>: (1) plans over N generated items
/// (default 1,000,000) in a temp LiteDB file and prints ms per tick and RSS; (2) fans out N nudges (default 10,000)
/// through a fake channel that allows one message per second per conversation and a workspace rate, answering 429
/// with Retry-After beyond them, and prints the total time against the rate-limit floor and how many were lost.
/// </summary>
public static class BenchProactiveVerb
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    public static async Task<int> RunAsync(IReadOnlyList<string> rawArgs, TextWriter output, CancellationToken ct)
    {
        var args = new CliArgs(rawArgs, []);
        args.AllowOnly("--items", "--nudges", "--conversations", "--rate", "--items-db", "--db");
        var items = args.GetInt("--items", 1_000_000);
        var nudges = args.GetInt("--nudges", 10_000);
        var conversations = Math.Max(1, args.GetInt("--conversations", 2_000));
        var rate = Math.Max(1, args.GetInt("--rate", 250));
        var dir = Path.Combine(Path.GetTempPath(), "oversightbot-bench-proactive-" + Guid.NewGuid().ToString("N"));
        try
        {
            if (items > 0)
            {
                var path = Path.Combine(dir, "plan.db");
                await PrepareItemsAsync(path, items, args.Get("--items-db"), output, ct);
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
    private static async Task PrepareItemsAsync(string path, int count, string? keep, TextWriter output, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (keep is not null && File.Exists(keep))
        {
            File.Copy(keep, path);
            await output.WriteLineAsync($"planning: items copied from {keep} ({new FileInfo(path).Length / 1_048_576.0:F0} MB)");
            return;
        }

        await GenerateAsync(path, count, output, ct);
        if (keep is not null)
        {
            File.Copy(path, keep);
        }
    }

    private static async Task GenerateAsync(string path, int count, TextWriter output, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        using (var store = new LiteDbStore(path))
        {
            foreach (var chunk in Generate(count).Chunk(50_000))
            {
                await store.UpsertManyAsync(chunk, ct);
            }

            foreach (var p in People())
            {
                await store.UpsertPersonAsync(p, ct);
            }
        }

        await output.WriteLineAsync($"planning: generated {count:N0} items in {sw.Elapsed.TotalSeconds:F0} s ({new FileInfo(path).Length / 1_048_576.0:F0} MB)");
    }

    private static async Task PlanningAsync(string path, TextWriter output, CancellationToken ct)
    {
        var clock = new BenchClock(London.At(Today, new TimeOnly(0, 5)));
        using var runtime = await BotRuntime.OpenAsync(new StorageOptions { Path = path, SeedDemoData = false }, clock, ct);
        await output.WriteLineAsync($"  after opening the store: {Memory()}");
        var policy = new ReminderPolicy();
        var planner = ProactiveComposition.CreatePlanner(runtime, runtime.Store, policy);
        async Task<string> TickAsync(DateOnly from)
        {
            var sw = Stopwatch.StartNew();
            var rows = await planner.PlanAsync(clock.Now, from, ct);
            var plan = sw.Elapsed.TotalMilliseconds;
            var afterPlan = Memory();
            sw.Restart();
            // As ProactiveEngine writes them: at most WritesPerTick rows (not yet due) per minute tick.
            var (added, worst, ticks) = (0, 0.0, 0);
            foreach (var chunk in rows.Chunk(ProactiveEngine.WritesPerTick))
            {
                var one = Stopwatch.StartNew();
                added += await runtime.Store.AddManyIfAbsentAsync(chunk, ct);
                worst = Math.Max(worst, one.Elapsed.TotalMilliseconds);
                ticks++;
            }

            var st = planner.LastPlan!;
            return $"plan {plan:F0} ms (reading {st.Items:N0} items {st.ReadItems.TotalMilliseconds:F0} ms, {st.Considered:N0} keys checked in {st.CheckKeys.TotalMilliseconds:F0} ms, rest {st.Rest.TotalMilliseconds:F0} ms) + write {sw.Elapsed.TotalMilliseconds:F0} ms ({added:N0} rows over {ticks} ticks, worst {worst:F0} ms); after planning {afterPlan}; after writing {Memory()}";
        }

        await output.WriteLineAsync($"  first tick after start, Monday with 7-day catch-up and 50 digests: {await TickAsync(Today.AddDays(1 - policy.CatchUpDays))}");
        var steady = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            clock.Now += policy.ReplanEvery;
            var sw = Stopwatch.StartNew();
            await planner.PlanAsync(clock.Now, Today, ct);
            steady.Add(sw.Elapsed.TotalMilliseconds);
        }

        steady.Sort();
        await output.WriteLineAsync($"  re-plan ticks the same day (nothing new): median {steady[5]:F0} ms, worst {steady[^1]:F0} ms");
        var last = Today;
        foreach (var d in new[] { 1, 2, 3, 4, 7 })
        {
            var day = Today.AddDays(d);
            clock.Now = London.At(day, new TimeOnly(0, 5));
            await output.WriteLineAsync($"  first tick of {day:ddd d MMM}: {await TickAsync(last.AddDays(1))}");
            last = day;
        }

        using var me = Process.GetCurrentProcess();
        me.Refresh();
        await output.WriteLineAsync($"  RSS now {me.WorkingSet64 / 1_048_576.0:F0} MB, peak {me.PeakWorkingSet64 / 1_048_576.0:F0} MB; {Memory()}");
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
