using System.CommandLine;
using System.Diagnostics;
using OversightBot.Cli;
using OversightBot.Core.Domain;
using OversightBot.Storage.LiteDb;

namespace OversightBot.Bench;

/// <summary>
/// <c>model [--items N] [--runs N] [--history N]</c>: a store of N generated items (10% recurring series, 10% linked)
/// in a temp folder; prints the median and p99 of overdue, due next quarter, an owner's open items and a board's
/// standing read straight from the store (no answer cache), then the sustained update rate of items with no history
/// and with N history entries each.
/// </summary>
public static class ModelBench
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    public static Command Create(CliContext cli)
    {
        var items = CliOptions.Count("--items", 100_000, "generated items in the store");
        var runs = CliOptions.Count("--runs", 100, "runs per query");
        var history = CliOptions.Count("--history", 2_000, "history entries on each item of the second update set");
        var command = new Command("model", "measure the v2 model's queries and the update rate as history grows") { items, runs, history };
        command.SetAction((r, ct) => RunAsync(r.GetValue(items), Math.Max(1, r.GetValue(runs)), r.GetValue(history), cli.Console.Out, ct));
        return command;
    }

    public static async Task<int> RunAsync(int count, int runs, int history, TextWriter output, CancellationToken ct)
    {
        var dir = Path.Combine(Path.GetTempPath(), "oversightbot-model-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var store = new LiteDbStore(Path.Combine(dir, "model.db"));
            var sw = Stopwatch.StartNew();
            foreach (var batch in Generate(count).Chunk(5_000))
            {
                await store.UpsertManyAsync(batch, ct);
            }

            await store.UpsertBoardAsync(BenchBoard(), ct);
            await output.WriteLineAsync($"generated {count:N0} items ({count / 10:N0} series, {count / 10:N0} linked) in {sw.Elapsed.TotalSeconds:F1} s");
            sw.Restart();
            var first = await store.OverdueAsync(Today, 0, 10, ct);
            await store.DueBetweenAsync(new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31), true, 0, 10, ct);
            await output.WriteLineAsync($"first questions (plan every series through next quarter): {sw.Elapsed.TotalMilliseconds:F0} ms; {first.Total:N0} overdue");
            await MeasureAsync(output, runs, "overdue", () => store.OverdueAsync(Today, 0, 10, ct));
            await MeasureAsync(output, runs, "due next quarter", () => store.DueBetweenAsync(new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31), true, 0, 10, ct));
            await MeasureAsync(output, runs, "an owner's open items", () => store.ByOwnerAsync(["Directorate 7"], true, 0, 10, ct));
            await MeasureAsync(output, runs, "a board's status", async () => BoardStaleness.Standing((await store.GetBoardAsync("bench-board", ct))!, Today));
            await MeasureUpdatesAsync(store, history, output, ct);
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

    private static IEnumerable<TrackedItem> Generate(int count)
    {
        var random = new Random(42);
        var owners = Enumerable.Range(1, 40).Select(i => $"Directorate {i}").ToArray();
        var source = new SourceRef { Document = "Generated document", Issuer = "Bench", Date = Today.AddYears(-2) };
        for (var i = 1; i <= count; i++)
        {
            var item = new TrackedItem
            {
                Id = $"R-{i}",
                Kind = (ItemKind)random.Next(4),
                Title = $"Generated obligation number {i}",
                Source = source,
                Owner = owners[random.Next(owners.Length)],
                Due = Today.AddDays(random.Next(-730, 730)),
                Status = (ItemStatus)(random.Next(10) switch { < 5 => 0, < 7 => 1, < 9 => 2, _ => 4 }),
            };
            if (i % 10 == 0)
            {
                var anchor = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-random.Next(1, 13));
                var frequency = (RecurrenceFrequency)random.Next(3);
                item.Series = new RecurrenceRule { Frequency = frequency, Anchor = anchor, TrackFrom = anchor };
                item.Status = ItemStatus.Open;
            }
            else if (i % 10 == 5)
            {
                if (random.Next(2) == 0)
                {
                    item.ParentId = $"R-{i - 1}";
                }
                else
                {
                    item.Addresses = [$"R-{i - 2}", $"R-{i - 3}"];
                }
            }

            yield return item;
        }
    }

    private static Board BenchBoard()
    {
        var board = new Board { Id = "bench-board", Name = "Bench Board", CadenceDays = 91, PublicationWindowDays = 42 };
        for (var m = 0; m < 40; m++)
        {
            var date = Today.AddDays(-30 * m);
            board.Meetings.Add(new Meeting { Date = date });
            board.Publications.Add(new Publication { Kind = PublicationKind.Minutes, MeetingDate = date, Published = date.AddDays(20) });
        }

        return board;
    }

    private static async Task MeasureAsync<T>(TextWriter output, int runs, string what, Func<Task<T>> query)
    {
        await query();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await query();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        times.Sort();
        await output.WriteLineAsync($"{what,-24} median {times[times.Count / 2],7:F2} ms   p99 {times[Math.Min(times.Count - 1, (int)(times.Count * 0.99))],7:F2} ms");
    }

    /// <summary>Read for update, change the status, append one history entry, write: as many as fit in a few seconds.</summary>
    private static async Task MeasureUpdatesAsync(LiteDbStore store, int history, TextWriter output, CancellationToken ct)
    {
        const int set = 20;
        var fresh = Enumerable.Range(1, set).Select(i => Item($"U-{i}", 0)).ToList();
        var longHistory = Enumerable.Range(1, set).Select(i => Item($"H-{i}", history)).ToList();
        await store.UpsertManyAsync(fresh, ct);
        foreach (var item in longHistory)
        {
            await store.UpsertAsync(item, ct);
        }

        var none = await RateAsync(store, "U", set, ct);
        var many = await RateAsync(store, "H", set, ct);
        await output.WriteLineAsync($"updates/s at 0 history entries {none,8:F0}");
        await output.WriteLineAsync($"updates/s at {history:N0} entries {many,8:F0}   ({100 * (many - none) / none:+0;-0}%)");
    }

    private static TrackedItem Item(string id, int history)
    {
        var item = new TrackedItem { Id = id, Kind = ItemKind.Recommendation, Title = "Update target " + id, Owner = "Directorate 1", Due = Today, Source = new SourceRef { Document = "d", Issuer = "i", Date = Today } };
        for (var h = 0; h < history; h++)
        {
            item.History.Add(new HistoryEntry { At = DateTimeOffset.UnixEpoch.AddMinutes(h), By = "bench@example.org", What = "note", Note = $"progress note {h}" });
        }

        return item;
    }

    private static async Task<double> RateAsync(LiteDbStore store, string prefix, int set, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var done = 0;
        while (sw.Elapsed < TimeSpan.FromSeconds(4))
        {
            var item = (await store.GetForUpdateAsync($"{prefix}-{(done % set) + 1}", ct))!;
            var to = item.Status == ItemStatus.Open ? ItemStatus.InProgress : ItemStatus.Open;
            item.History.Add(new HistoryEntry { At = DateTimeOffset.UnixEpoch, By = "bench@example.org", What = "status", FromStatus = item.Status, ToStatus = to });
            item.Status = to;
            await store.UpsertAsync(item, ct);
            done++;
        }

        return done / sw.Elapsed.TotalSeconds;
    }
}
