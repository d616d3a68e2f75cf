using System.Security.Cryptography;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OversightBot.Hosting;
using OversightBot.Storage.LiteDb;
using OversightBot.Testing;

namespace OversightBot.Tests.Safety;

/// <summary>A damaged store is refused with exit code 4 and the recovery steps; the file is left exactly as it was.</summary>
public sealed class DamagedStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData(0)]
    [InlineData(4096)]
    public async Task Serve_OnATruncatedStore_IsRefused_WithRecoverySteps_AndNoDemoData(int length)
    {
        var db = await DemoStoreAsync();
        using (var file = new FileStream(db, FileMode.Open))
        {
            file.SetLength(length);
        }

        var before = Hash(db);

        var r = await BotProcess.RunAsync(_folder.Path, "serve", "--db", db, "--urls", "http://127.0.0.1:0");

        Assert.True(r.ExitCode == 4, $"exit {r.ExitCode}: {r.Output}{r.Error}");
        Assert.Contains("cannot be used", r.Error, StringComparison.Ordinal);
        Assert.Contains("restore", r.Error, StringComparison.Ordinal);
        Assert.Contains("repair", r.Error, StringComparison.Ordinal);
        Assert.Equal(before, Hash(db));
    }

    [Fact]
    public async Task Ask_OnAStoreCopiedWithoutItsWriteLog_IsRefused_AndNotReseeded()
    {
        var db = _folder.File("live.db");
        var copy = _folder.File("copy.db");
        using (var store = new LiteDbStore(db))
        {
            await store.UpsertAsync(Some.Item("R-1"), CancellationToken.None);
            File.Copy(db, copy);
        }

        var before = Hash(copy);

        var r = await BotProcess.RunAsync(_folder.Path, "ask", "what's overdue?", "--db", copy);

        Assert.True(r.ExitCode == 4, $"exit {r.ExitCode}: {r.Output}{r.Error}");
        Assert.Contains("write log", r.Error, StringComparison.Ordinal);
        Assert.Equal(before, Hash(copy));
    }

    [Fact]
    public async Task Repair_ThenServe_ComesUpOnWhatWasReadable()
    {
        var db = await DemoStoreAsync();
        using (var file = new FileStream(db, FileMode.Open))
        {
            file.SetLength(4096);
        }

        var repair = await BotProcess.RunAsync(_folder.Path, "repair", "--db", db);
        var ask = await BotProcess.RunAsync(_folder.Path, "ask", "what's overdue?", "--db", db);

        Assert.True(repair.ExitCode == 0, repair.Output + repair.Error);
        Assert.Contains("kept, untouched", repair.Output, StringComparison.Ordinal);
        Assert.Equal(4096, new FileInfo(Directory.GetFiles(_folder.Path, "demo.damaged-*.db").Single()).Length);
        Assert.True(ask.ExitCode == 0, ask.Error);
        Assert.DoesNotContain("days late", ask.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_OnAStoreThatStoppedWorking_IsUnhealthy()
    {
        var store = new LiteDbStore(_folder.File("health.db"));
        var check = new StoreHealthCheck(store);
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration("store", check, null, null) };
        var healthy = await check.CheckHealthAsync(context);
        store.Dispose();

        var after = await check.CheckHealthAsync(context);

        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(HealthStatus.Unhealthy, after.Status);
    }

    private async Task<string> DemoStoreAsync()
    {
        var db = _folder.File("demo.db");
        var r = await BotProcess.RunAsync(_folder.Path, "ask", "what's overdue?", "--db", db);
        Assert.True(r.ExitCode == 0, r.Error);
        return db;
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    public void Dispose() => _folder.Dispose();
}
