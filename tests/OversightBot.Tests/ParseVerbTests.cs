using System.Text.Json;
using OversightBot.Cli;

namespace OversightBot.Tests;

/// <summary>The parse verb, run in-process: the JSON contract other tools read.</summary>
public class ParseVerbTests
{
    private static async Task<JsonElement> ParseAsync(params string[] args)
    {
        var r = await Cli.RunAsync(["parse", .. args]);
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Output);
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task Parse_json_prints_intent_and_inclusive_range()
    {
        var json = await ParseAsync("what's due next week?", "--as-of", "2023-03-15", "--json");
        Assert.Equal("due", json.GetProperty("intent").GetString());
        Assert.Equal("2023-03-20", json.GetProperty("range").GetProperty("start").GetString());
        Assert.Equal("2023-03-26", json.GetProperty("range").GetProperty("end").GetString());
    }

    [Fact]
    public async Task Parse_json_has_a_null_range_and_entities_for_an_update()
    {
        var json = await ParseAsync("move R-5 to 31 March 2023 because the audit slipped", "--as-of", "2023-01-18", "--json");
        Assert.Equal("update", json.GetProperty("intent").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("range").ValueKind);
        var entities = json.GetProperty("entities");
        Assert.Equal("R-5", entities.GetProperty("itemIds")[0].GetString());
        Assert.Equal("2023-03-31", entities.GetProperty("dates")[0].GetString());
        Assert.Equal("the audit slipped", entities.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Parse_reports_impossible_dates_as_invalid()
    {
        var json = await ParseAsync("what's due on 31/02/2023?", "--as-of", "2023-01-18", "--json");
        Assert.Equal("31/02/2023", json.GetProperty("entities").GetProperty("invalidDates")[0].GetString());
        Assert.Empty(json.GetProperty("entities").GetProperty("dates").EnumerateArray());
    }

    [Fact]
    public async Task Parse_without_text_is_a_usage_error()
    {
        var r = await Cli.RunAsync("parse", "--json");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.StartsWith("error: parse needs some text", r.Error, StringComparison.Ordinal);
        Assert.Empty(r.Output);
    }

    [Fact]
    public async Task Recognize_writes_one_scorer_line_per_corpus_case()
    {
        var r = await Cli.RunWithInputAsync("""
            {"id":"a","input":"Performance in Q3 2023/24 fell short.","reference":"2024-02-01T00:00:00"}
            {"id":"b","input":"See paragraph 3.12.","reference":"2024-02-01T00:00:00"}
            """, "recognize", "--jsonl");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var a = JsonDocument.Parse(lines[0]);
        var first = a.RootElement.GetProperty("results")[0];
        Assert.Equal("Q3 2023/24", first.GetProperty("text").GetString());
        Assert.Equal("2023-10-01", first.GetProperty("start").GetString());
        Assert.Equal("2024-01-01", first.GetProperty("end").GetString());
        using var b = JsonDocument.Parse(lines[1]);
        Assert.Empty(b.RootElement.GetProperty("results").EnumerateArray());
    }
}
