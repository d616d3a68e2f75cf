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
        var r = await Cli.RunAsync("simulate", "--from", "2023-01-02", "--to", "2023-03-31", "--db", db);

        Assert.Equal(0, r.ExitCode);
        var text = r.Output;
        Assert.Contains("09:00", text, StringComparison.Ordinal);
        Assert.Contains("nudge:", text, StringComparison.Ordinal);
        Assert.Matches(@"\d+ messages from 2023-01-02 to 2023-03-31", text);
        using var store = new LiteDbStore(db);
        Assert.Empty(await store.ByStateAsync(null, 0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Simulate_NamesTheItemsNobodyCanBeNudgedFor()
    {
        // The Information Governance Team, the Violence Reduction Unit and HR have no person in the demo data; their
        // actions fall due on 31 March 2024.
        var r = await Cli.RunAsync("simulate", "--from", "2024-03-25", "--to", "2024-03-29", "--db", _folder.File("unreached.db"));

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Nobody to nudge for 14 item(s) whose owner matches no person or team member: A-10, A-11, A-12, A-13, A-19, A-20, A-22, A-27, A-28, A-29, A-30, A-34, A-37, A-38.", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_LeavesOutsideBodiesItemsOutOfTheOrganisationsNudges()
    {
        // R-11 (due 24 May 2023) is the London Assembly Police and Crime Committee's to do, not the organisation's.
        var r = await Cli.RunAsync("simulate", "--from", "2023-05-01", "--to", "2023-06-30", "--db", _folder.File("outside.db"));

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("overdue:S-3:2023-04-30:", r.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("R-11", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_Json_IsAnArrayOfMessages_AndBadDatesAreRefused()
    {
        var json = await Cli.RunAsync("simulate", "--from", "2023-02-01", "--to", "2023-02-28", "--json", "--db", _folder.File("json.db"));
        Assert.StartsWith("[", json.Output.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("\"recipient\"", json.Output, StringComparison.Ordinal);

        var impossible = await Cli.RunAsync("simulate", "--from", "2023-02-30", "--to", "2023-03-01", "--db", _folder.File("bad.db"));
        var backwards = await Cli.RunAsync("simulate", "--from", "2023-03-01", "--to", "2023-02-01", "--db", _folder.File("bad.db"));
        Assert.Equal(ExitCodes.Usage, impossible.ExitCode);
        Assert.Contains("--from '2023-02-30' is not a real date", impossible.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, backwards.ExitCode);
        Assert.Contains("--to must be on or after --from", backwards.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("bad.db")));
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

        var list = await Cli.RunAsync("outbox", "--state", "dead", "--db", db);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("dead", list.Output, StringComparison.Ordinal);
        Assert.Contains("boom", list.Output, StringComparison.Ordinal);

        var retry = await Cli.RunAsync("outbox", "--retry-dead", "--db", db);
        Assert.Equal(0, retry.ExitCode);
        Assert.Contains("1 dead rows back to pending", retry.Output, StringComparison.Ordinal);
        var lost = await Cli.RunAsync("outbox", "--state", "lost", "--db", db);
        Assert.Equal(ExitCodes.Usage, lost.ExitCode);
        Assert.Contains("--state 'lost' is not one of", lost.Error, StringComparison.Ordinal);
        var missing = await Cli.RunAsync("outbox", "--retry", "no-such-key", "--db", db);
        Assert.Equal(ExitCodes.Failed, missing.ExitCode);
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
