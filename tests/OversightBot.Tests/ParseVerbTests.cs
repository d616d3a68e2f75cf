using System.Text.Json;
using OversightBot.Cli;

namespace OversightBot.Tests;

/// <summary>The parse verb, run in-process: the JSON contract other tools read.</summary>
public class ParseVerbTests
{
    private static async Task<JsonElement> ParseAsync(params string[] args)
    {
        using var writer = new StringWriter();
        var code = await ParseVerb.RunAsync(args, writer, CancellationToken.None);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(writer.ToString());
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
        using var writer = new StringWriter();
        await Assert.ThrowsAsync<UsageException>(() => ParseVerb.RunAsync(["--json"], writer, CancellationToken.None));
    }

    [Fact]
    public async Task Recognize_writes_one_scorer_line_per_corpus_case()
    {
        using var input = new StringReader("""
            {"id":"a","input":"Performance in Q3 2023/24 fell short.","reference":"2024-02-01T00:00:00"}
            {"id":"b","input":"See paragraph 3.12.","reference":"2024-02-01T00:00:00"}
            """);
        using var output = new StringWriter();
        Assert.Equal(0, await RecognizeVerb.RunAsync(["--jsonl"], input, output, CancellationToken.None));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var a = JsonDocument.Parse(lines[0]);
        var r = a.RootElement.GetProperty("results")[0];
        Assert.Equal("Q3 2023/24", r.GetProperty("text").GetString());
        Assert.Equal("2023-10-01", r.GetProperty("start").GetString());
        Assert.Equal("2024-01-01", r.GetProperty("end").GetString());
        using var b = JsonDocument.Parse(lines[1]);
        Assert.Empty(b.RootElement.GetProperty("results").EnumerateArray());
    }
}
