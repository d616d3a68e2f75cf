using System.Net.Http.Json;
using OversightBot.Storage.LiteDb;
using OversightBot.Testing;

namespace OversightBot.Tests.Safety;

/// <summary>One process owns a store file: the running host, and every other tool goes through it or refuses.</summary>
public sealed class StoreOwnershipTests : IDisposable
{
    private const string Clerk = "colin.clerk@example.org";
    private static readonly Dictionary<string, string> NoProactive = new() { ["Proactive__Enabled"] = "false" };
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task AskAsClerk_WhileTheHostRuns_TheNoteIsKept_ThroughAKillAndRestart()
    {
        var ct = CancellationToken.None;
        var db = _folder.File("owned.db");
        using (var host = await HostProcess.StartAsync(db, NoProactive, ct))
        {
            await NotesAsync(host, "before", 5, ct);
            var ask = await BotProcess.RunAsync(_folder.Path, "ask", "note on R-5: from the terminal", "--as", Clerk, "--db", db);
            Assert.True(ask.ExitCode == 0, ask.Output + ask.Error);
            Assert.Contains("R-5", ask.Output, StringComparison.Ordinal);
            await NotesAsync(host, "after", 5, ct);
            host.Kill();
        }

        using (var again = await HostProcess.StartAsync(db, NoProactive, ct))
        {
            again.Kill();
        }

        using var store = new LiteDbStore(db);
        var notes = (await store.GetAsync("R-5", ct))!.History.Select(h => h.Note).ToList();
        Assert.Contains("from the terminal", notes);
        Assert.Equal(11, notes.Count);
    }

    private static async Task NotesAsync(HostProcess host, string tag, int count, CancellationToken ct)
    {
        for (var i = 0; i < count; i++)
        {
            using var res = await host.Http.PostAsJsonAsync("/api/chat", new { text = $"note on R-5: {tag} {i}", @as = Clerk }, ct);
            res.EnsureSuccessStatusCode();
        }
    }

    public void Dispose() => _folder.Dispose();
}
