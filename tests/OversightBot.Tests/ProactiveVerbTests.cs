using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using OversightBot.Cli;
using OversightBot.Core.Proactive;
using OversightBot.Hosting;
using OversightBot.Storage.LiteDb;
using OversightBot.Testing;

namespace OversightBot.Tests;

public sealed class ProactiveVerbTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Simulate_PrintsEveryMessage_AndLeavesTheRealOutboxEmpty()
    {
        var db = _folder.File("sim.db");
        var output = new StringWriter();

        var code = await SimulateVerb.RunAsync(["--from", "2023-01-02", "--to", "2023-03-31", "--db", db], output, CancellationToken.None);

        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("09:00", text, StringComparison.Ordinal);
        Assert.Contains("nudge:", text, StringComparison.Ordinal);
        Assert.Matches(@"\d+ messages from 2023-01-02 to 2023-03-31", text);
        using var store = new LiteDbStore(db);
        Assert.Empty(await store.ByStateAsync(null, 0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Simulate_NamesTheItemsNobodyCanBeNudgedFor()
    {
        var output = new StringWriter();

        // R-11 belongs to the London Assembly Police and Crime Committee: no person or team in the demo data.
        var code = await SimulateVerb.RunAsync(["--from", "2023-05-01", "--to", "2023-06-30", "--db", _folder.File("unreached.db")], output, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Contains("Nobody to nudge for 1 item(s) whose owner matches no person or team member: R-11.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_Json_IsAnArrayOfMessages_AndBadDatesAreRefused()
    {
        var output = new StringWriter();
        await SimulateVerb.RunAsync(["--from", "2023-02-01", "--to", "2023-02-28", "--json", "--db", _folder.File("json.db")], output, CancellationToken.None);
        Assert.StartsWith("[", output.ToString().TrimStart(), StringComparison.Ordinal);
        Assert.Contains("\"recipient\"", output.ToString(), StringComparison.Ordinal);

        await Assert.ThrowsAsync<UsageException>(() => SimulateVerb.RunAsync(["--from", "2023-02-30", "--to", "2023-03-01"], TextWriter.Null, CancellationToken.None));
        await Assert.ThrowsAsync<UsageException>(() => SimulateVerb.RunAsync(["--from", "2023-03-01", "--to", "2023-02-01"], TextWriter.Null, CancellationToken.None));
    }

    [Fact]
    public async Task Outbox_ListsDeadRows_AndRetriesThem()
    {
        var db = _folder.File("outbox.db");
        using (var store = new LiteDbStore(db))
        {
            var now = TimeProvider.System.GetUtcNow();
            await store.AddIfAbsentAsync(OutboxContractTests.Row("nudge:R-1:2023-02-06:0:x@example.org", now), CancellationToken.None);
            await store.ClaimDueAsync(now, TimeSpan.FromMinutes(5), 10, CancellationToken.None);
            await store.RecordAsync("nudge:R-1:2023-02-06:0:x@example.org", new(Core.Ports.SendOutcomeKind.Failed, Error: "boom"), "webchat", now, new OutboxRetryPolicy { MaxAttempts = 1 }, CancellationToken.None);
        }

        var list = new StringWriter();
        Assert.Equal(0, await OutboxVerb.RunAsync(["--state", "dead", "--db", db], list, CancellationToken.None));
        Assert.Contains("dead", list.ToString(), StringComparison.Ordinal);
        Assert.Contains("boom", list.ToString(), StringComparison.Ordinal);

        var retry = new StringWriter();
        Assert.Equal(0, await OutboxVerb.RunAsync(["--retry-dead", "--db", db], retry, CancellationToken.None));
        Assert.Contains("1 dead rows back to pending", retry.ToString(), StringComparison.Ordinal);
        await Assert.ThrowsAsync<UsageException>(() => OutboxVerb.RunAsync(["--state", "lost", "--db", db], TextWriter.Null, CancellationToken.None));
    }

    [Fact]
    public void SampleSettings_BindAndValidate()
    {
        var config = new ConfigurationBuilder().AddJsonFile(Path.Combine(BotProcess.RepoRoot(), "appsettings.sample.json")).Build();
        var options = config.GetSection(ProactiveOptions.Section).Get<ProactiveOptions>()!;
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        var policy = options.ToPolicy();
        Assert.Equal([14, 7, 1, 0], policy.OffsetsDays);
        Assert.Equal(new TimeOnly(9, 0), policy.SendAt);
        Assert.Equal(DayOfWeek.Monday, policy.DigestDay);
        Assert.Equal(0, options.DevInboxDelayMs);
    }

    public void Dispose() => _folder.Dispose();
}
