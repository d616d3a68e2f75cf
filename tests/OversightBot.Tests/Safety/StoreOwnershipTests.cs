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

    [Fact]
    public async Task SecondServe_RestoreAndRepair_WhileTheHostRuns_AreRefusedNamingIt_BackupGoesThroughIt()
    {
        var ct = CancellationToken.None;
        var db = _folder.File("busy.db");
        using var host = await HostProcess.StartAsync(db, NoProactive, ct);
        await NotesAsync(host, "latest", 1, ct);

        var serve = await BotProcess.RunAsync(_folder.Path, "serve", "--db", db, "--urls", "http://127.0.0.1:0");
        var restore = await BotProcess.RunAsync(_folder.Path, "restore", _folder.File("none.db"), "--db", db);
        var repair = await BotProcess.RunAsync(_folder.Path, "repair", "--db", db);
        var backup = await BotProcess.RunAsync(_folder.Path, "backup", "--out", "copy.db", "--db", db);

        Assert.True(serve.ExitCode == 3, serve.Output + serve.Error);
        Assert.Contains("(serve, since", serve.Error, StringComparison.Ordinal);
        Assert.Equal(3, repair.ExitCode);
        Assert.NotEqual(0, restore.ExitCode);
        Assert.True(backup.ExitCode == 0, backup.Output + backup.Error);
        host.Kill();
        using var copy = new LiteDbStore(_folder.File("copy.db"));
        Assert.Contains("latest 0", (await copy.GetAsync("R-5", ct))!.History.Select(h => h.Note));
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
