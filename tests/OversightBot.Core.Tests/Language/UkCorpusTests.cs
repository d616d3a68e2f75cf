using System.Globalization;
using System.Text.Json;
using OversightBot.Core.Language;
using OversightBot.Core.Language.Dates;
using Xunit.Abstractions;

namespace OversightBot.Core.Tests.Language;

/// <summary>
/// Regression guard for the UK oversight corpus (../shared/corpora/dates/uk_oversight_public.jsonl): every case must
/// come out exactly as expected (span, type, timex, mod and resolution), with nothing extra and no invented date.
/// The scorer in that folder is the reference; this is a strict subset of its "case accuracy".
/// </summary>
public class UkCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_UK_oversight_case_is_recognised_exactly()
    {
        var dir = RobustnessTests.CorpusDirectory();
        var file = dir is null ? null : Path.Combine(dir, "uk_oversight_public.jsonl");
        if (file is null || !File.Exists(file))
        {
            output.WriteLine("SKIPPED: ../shared/corpora/dates/uk_oversight_public.jsonl not found next to the repository.");
            return;
        }

        var failures = new List<string>();
        var cases = 0;
        foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
        {
            cases++;
            using var doc = JsonDocument.Parse(line);
            var c = doc.RootElement;
            var input = c.GetProperty("input").GetString()!;
            var reference = DateOnly.ParseExact(c.GetProperty("reference").GetString()![..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var got = DateRecognizer.Recognize(input, reference).ToList();
            var expected = c.GetProperty("expected").EnumerateArray().ToList();
            foreach (var e in expected)
            {
                var span = e.GetProperty("span");
                var (s, t) = (span[0].GetInt32(), span[1].GetInt32());
                var unresolvable = e.TryGetProperty("unresolvable", out var u) && u.GetBoolean();
                if (unresolvable)
                {
                    foreach (var m in got.Where(m => m.Start < t && s < m.End).ToList())
                    {
                        if (m.Date is not null || m.RangeStart is not null || m.RangeEndExclusive is not null)
                        {
                            failures.Add($"{input}: invented a date for \"{m.Text}\"");
                        }

                        got.Remove(m);
                    }

                    continue;
                }

                var match = got.FirstOrDefault(m => m.Start == s && m.End == t);
                if (match is null || !Agrees(match, e))
                {
                    failures.Add($"{input}: expected {e.GetProperty("text").GetString()} {e.GetProperty("timex")}, got {(match is null ? "nothing" : Describe(match))}");
                }

                if (match is not null)
                {
                    got.Remove(match);
                }
            }

            failures.AddRange(got.Select(m => $"{input}: unexpected {Describe(m)}"));
        }

        output.WriteLine($"{cases} UK cases, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static bool Agrees(DateMention m, JsonElement e)
    {
        static string? S(JsonElement x, string name) => x.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var value = m.Type == "duration" ? m.DurationSeconds : Iso(m.Date);
        var alternatives = e.GetProperty("values").GetArrayLength() > 0 ? e.GetProperty("values").EnumerateArray().ToList() : [e];
        return m.Type == S(e, "type") && alternatives.Any(a =>
            S(a, "timex") == m.Timex && (S(a, "mod") ?? S(e, "mod")) == m.Mod
            && Same(S(a, "value"), value) && S(a, "start") == Iso(m.RangeStart) && S(a, "end") == Iso(m.RangeEndExclusive));

        static bool Same(string? a, string? b) => (a is null or "not resolved" ? null : a) == b;
    }

    private static string Describe(DateMention m) =>
        $"\"{m.Text}\" {m.Type} {m.Timex} {m.Mod} {m.Date:yyyy-MM-dd}{m.RangeStart:yyyy-MM-dd}..{m.RangeEndExclusive:yyyy-MM-dd}{m.DurationSeconds}";
}
