using System.Text.Json;
using OversightBot.Testing;

namespace OversightBot.Tests;

/// <summary><c>ask</c> end to end, as a separate process on a fresh LiteDB file seeded with the demo data.</summary>
public sealed class AskProcessTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Ask_Overdue_AsJson_ListsSeedItemsMostLateFirst()
    {
        var r = await BotProcess.RunAsync(_folder.Path, "ask", "what's overdue?", "--as-of", "2023-03-01", "--json", "--db", _folder.File("demo.db"));

        Assert.True(r.ExitCode == 0, r.Error);
        using var json = JsonDocument.Parse(r.Output);
        var root = json.RootElement;
        Assert.Equal("overdue", root.GetProperty("intent").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("text").GetString()));
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        var days = items.Select(i => i.GetProperty("daysOverdue").GetInt32()).ToList();
        Assert.Equal(days.OrderByDescending(d => d), days);
        Assert.All(items, i =>
        {
            Assert.True(DateOnly.TryParseExact(i.GetProperty("due").GetString(), "yyyy-MM-dd", out var due));
            Assert.True(due < new DateOnly(2023, 3, 1));
            foreach (var field in new[] { "id", "kind", "title", "owner", "status" })
            {
                Assert.False(string.IsNullOrEmpty(i.GetProperty(field).GetString()), field);
            }

            Assert.False(string.IsNullOrEmpty(i.GetProperty("source").GetProperty("document").GetString()));
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", i.GetProperty("source").GetProperty("date").GetString()!);
        });
        Assert.Contains(items, i => i.GetProperty("due").GetString() == "2023-02-06" && i.GetProperty("daysOverdue").GetInt32() == 23);
        Assert.True(root.GetProperty("total").GetInt32() >= items.Count);
    }

    [Fact]
    public async Task Ask_Overdue_PlainText_GroupsByOwner()
    {
        var r = await BotProcess.RunAsync(_folder.Path, "ask", "what's overdue?", "--as-of", "2023-03-01", "--db", _folder.File("demo.db"));

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("overdue as of Wed 1 Mar 2023", r.Output, StringComparison.Ordinal);
        Assert.Contains("days late", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_BeforeAnythingWasDue_SaysNothingIsOverdue()
    {
        var r = await BotProcess.RunAsync(_folder.Path, "ask", "what's overdue?", "--as-of", "2015-01-01", "--db", _folder.File("demo.db"));

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Nothing is overdue", r.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--as-of", "2023-02-31")]
    [InlineData("--as-of", "03/02/2023")]
    [InlineData("--bogus", "x")]
    public async Task Ask_BadOption_ExitsWithAClearErrorAndCreatesNothing(string option, string value)
    {
        var db = _folder.File("bad.db");
        var r = await BotProcess.RunAsync(_folder.Path, "ask", "what's overdue?", option, value, "--db", db);

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: ", r.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task Ask_WithoutDb_UsesDataFolderOfTheCurrentDirectory()
    {
        var r = await BotProcess.RunAsync(_folder.Path, "ask", "what's overdue?");

        Assert.Equal(0, r.ExitCode);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "data", "oversight.db")));
    }

    [Fact]
    public async Task Ask_UnknownQuestion_AnswersWithoutCrashing()
    {
        var r = await BotProcess.RunAsync(_folder.Path, "ask", "🦄 ??? \u0000", "--db", _folder.File("demo.db"));

        Assert.Equal(0, r.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(r.Output));
    }

    public void Dispose() => _folder.Dispose();
}
