using System.Diagnostics;
using System.Text;
using System.Text.Json;
using OversightBot.Core.Language;
using Xunit.Abstractions;

namespace OversightBot.Core.Tests.Language;

/// <summary>The recognizers never throw and stay linear, whatever they are fed.</summary>
public class RobustnessTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2023, 1, 18);
    private static readonly IntentRecognizer Recognizer = new();

    private static void Both(string text)
    {
        _ = Recognizer.Recognize(text, Today);
        foreach (var c in new[] { DateConventions.British, DateConventions.Spec })
        {
            foreach (var m in DateRecognizer.Recognize(text, Today, c))
            {
                Assert.InRange(m.Start, 0, text.Length);
                Assert.InRange(m.End, m.Start, text.Length);
                _ = m.ToRange(Today);
            }
        }

        _ = DeadlineResolver.Resolve(text, Today);
    }

    [Fact]
    public void Random_unicode_never_throws()
    {
        var random = new Random(20230118);
        var pieces = new[] { " ", "/", "-", "R-", "Q3", "2023/24", "31", "feb", "next", "the", "by", "of", ":", "\u00bd", "\ud83d\ude00", "\u0000", "'", "\u2019", "<at>", "@", "\t", "\u0663", "\uff13", "\u0ce6", "http://x", "MQ 1" };
        for (var n = 0; n < 6000; n++)
        {
            var sb = new StringBuilder();
            var len = random.Next(0, 60);
            for (var k = 0; k < len; k++)
            {
                if (random.Next(3) == 0)
                {
                    sb.Append(pieces[random.Next(pieces.Length)]);
                }
                else
                {
                    sb.Append((char)random.Next(0, 0xFFFF));
                }
            }

            Both(sb.ToString());
        }
    }

    [Fact]
    public void Ten_thousand_character_inputs_never_throw()
    {
        Both(new string('a', 10_000));
        Both(new string('1', 10_000));
        Both(string.Concat(Enumerable.Repeat("next ", 2_000)));
        Both(string.Concat(Enumerable.Repeat("31/02/2023 ", 910)));
        Both(string.Concat(Enumerable.Repeat("between 1 and ", 715)));
        Both(string.Concat(Enumerable.Repeat("R-1", 3_334)));
    }

    [Fact]
    public void Time_grows_linearly_with_input_length()
    {
        var unit = "between 1 February and 15 March 2023 move R-5 to 31/03/2023 because next week ";
        string Build(int chars) => string.Concat(Enumerable.Repeat(unit, chars / unit.Length + 1))[..chars];
        var small = Build(10_000);
        var large = Build(20_000);
        Measure(small);
        var t1 = Measure(small);
        var t2 = Measure(large);
        output.WriteLine($"10k chars: {t1:F2} ms, 20k chars: {t2:F2} ms");
        Assert.True(t2 < t1 * 6 + 50, $"20k chars took {t2:F1} ms against {t1:F1} ms for 10k");

        static double Measure(string s)
        {
            var sw = Stopwatch.StartNew();
            for (var k = 0; k < 3; k++)
            {
                _ = DateRecognizer.Recognize(s, Today);
            }

            return sw.Elapsed.TotalMilliseconds / 3;
        }
    }

    [Fact]
    public void Every_input_of_both_date_corpora_never_throws()
    {
        var dir = CorpusDirectory();
        if (dir is null)
        {
            output.WriteLine("SKIPPED: ../shared/corpora/dates not found next to the repository; corpus inputs not checked.");
            return;
        }

        var count = 0;
        foreach (var file in Directory.GetFiles(dir, "*.jsonl"))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                using var doc = JsonDocument.Parse(line);
                var input = doc.RootElement.GetProperty("input").GetString() ?? "";
                Both(input);
                count++;
            }
        }

        output.WriteLine($"{count} corpus inputs recognised without an exception");
        Assert.True(count > 0);
    }

    /// <summary>../shared/corpora/dates relative to the repository root (the folder holding OversightBot.sln).</summary>
    internal static string? CorpusDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OversightBot.sln")))
            {
                var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpora", "dates"));
                return Directory.Exists(corpus) ? corpus : null;
            }
        }

        return null;
    }
}
