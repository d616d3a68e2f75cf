using OversightBot.Testing;

namespace OversightBot.Tests;

/// <summary><c>ask "more"</c> and <c>ask --all</c> as separate processes on one LiteDB file: paging is kept in the store.</summary>
public sealed class AskPagingProcessTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Ask_More_InANewProcess_ShowsTheNextPage()
    {
        var db = _folder.File("paging.db");
        var first = await BotProcess.RunAsync(_folder.Path, "ask", "what's overdue?", "--as-of", "2024-06-01", "--db", db);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("showing 1–10", first.Output, StringComparison.Ordinal);

        var more = await BotProcess.RunAsync(_folder.Path, "ask", "more", "--as-of", "2024-06-01", "--db", db);

        Assert.True(more.ExitCode == 0, more.Error);
        Assert.Contains("showing 11–20", more.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_All_PrintsTheWholeList()
    {
        var r = await BotProcess.RunAsync(_folder.Path, "ask", "what's overdue?", "--all", "--as-of", "2024-06-01", "--db", _folder.File("all.db"));

        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("showing 1–10", r.Output, StringComparison.Ordinal);
        Assert.Contains("showing 11–20", r.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("say \"more\"", r.Output.Split("showing")[^1], StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
