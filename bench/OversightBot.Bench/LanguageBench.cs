using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using OversightBot.Cli;
using OversightBot.Core.Language;

namespace OversightBot.Bench;

/// <summary>
/// <c>language [--corpus DIR] [--seconds N]</c>: utterances per second of the intent recognizer (with dates)
/// and of the date recognizer alone, on one thread, over the date corpora inputs and a set of chat questions.
/// </summary>
public static class LanguageBench
{
    /// <summary>Chat questions as users type them (the unit tests hold the labelled set).</summary>
    private static readonly string[] Questions =
    [
        "what's overdue?", "anything late?", "which recommendations are past their deadline?", "what's on my plate?",
        "is the VAWG board page up to date?", "weekly summary please", "R-4 is in progress: audit started",
        "move R-5 to 31 March 2023 because the inspection slipped", "remind me about R-2 tomorrow", "what's due next week?",
        "what does the Strategy directorate own?", "the partnership boards recommendation", "what's due by the end of February?",
        "what's due in Q3 2023/24?", "snooze R-3 for a week", "add evidence https://example.org/e.pdf to R-2",
        "what is due between 1 February and 15 March?", "status of MQ 1844", "subscribe me to the weekly digest every Monday at 9am",
        "more", "help",
    ];

    public static Command Create(CliContext cli)
    {
        var corpus = new Option<string>("--corpus") { Description = "folder of date corpus files (*.jsonl)", HelpName = "DIR", DefaultValueFactory = _ => Path.Combine("..", "shared", "corpora", "dates") };
        var seconds = CliOptions.Count("--seconds", 5, "seconds per measurement");
        var command = new Command("language", "utterances per second of the recognizers") { corpus, seconds };
        command.SetAction((r, ct) => RunAsync(r.GetValue(corpus)!, Math.Max(1, r.GetValue(seconds)), cli.Console.Out, ct));
        return command;
    }

    public static async Task<int> RunAsync(string dir, int seconds, TextWriter output, CancellationToken ct)
    {
        var inputs = new List<(string Text, DateOnly Ref)>();
        var today = new DateOnly(2023, 1, 18);
        if (Directory.Exists(dir))
        {
            foreach (var file in Directory.GetFiles(dir, "*.jsonl"))
            {
                foreach (var line in await File.ReadAllLinesAsync(file, ct))
                {
                    if (line.Length == 0)
                    {
                        continue;
                    }

                    using var doc = JsonDocument.Parse(line);
                    var r = doc.RootElement.TryGetProperty("reference", out var rp) && rp.ValueKind == JsonValueKind.String && rp.GetString() is { Length: >= 10 } s
                        ? DateOnly.ParseExact(s[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                        : today;
                    inputs.Add((doc.RootElement.GetProperty("input").GetString() ?? "", r));
                }
            }
        }
        else
        {
            await output.WriteLineAsync($"corpus folder {Path.GetFullPath(dir)} not found: measuring the chat questions only (use --corpus DIR)");
        }

        inputs.AddRange(Questions.Select(q => (q, today)));
        var recognizer = new IntentRecognizer();
        var intentRate = Measure(inputs, seconds, (t, d) => recognizer.Recognize(t, d));
        var dateRate = Measure(inputs, seconds, (t, d) => DateRecognizer.Recognize(t, d));
        await output.WriteLineAsync($"{inputs.Count:N0} utterances ({inputs.Count - Questions.Length:N0} corpus inputs + {Questions.Length} questions), one thread, {seconds} one-second rounds each:");
        await output.WriteLineAsync($"  intent recognizer (with dates): best {intentRate.Best:N0}, median {intentRate.Median:N0} utterances/s");
        await output.WriteLineAsync($"  date recognizer alone:          best {dateRate.Best:N0}, median {dateRate.Median:N0} utterances/s");
        return 0;
    }

    /// <summary>Best and median rate over one-second rounds: the best is the least disturbed by other work on a shared machine.</summary>
    private static (double Best, double Median) Measure(List<(string Text, DateOnly Ref)> inputs, int seconds, Action<string, DateOnly> recognize)
    {
        foreach (var (t, d) in inputs)
        {
            recognize(t, d);
        }

        var rates = new List<double>();
        for (var round = 0; round < seconds; round++)
        {
            var n = 0L;
            var sw = Stopwatch.StartNew();
            while (sw.Elapsed.TotalSeconds < 1)
            {
                foreach (var (t, d) in inputs)
                {
                    recognize(t, d);
                }

                n += inputs.Count;
            }

            rates.Add(n / sw.Elapsed.TotalSeconds);
        }

        rates.Sort();
        return (rates[^1], rates[rates.Count / 2]);
    }
}
