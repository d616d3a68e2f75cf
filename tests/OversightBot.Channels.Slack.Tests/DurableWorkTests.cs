using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OversightBot.Channels.Slack.Tests.Fakes;
using OversightBot.Core.Ports;
using OversightBot.Core.Work;
using OversightBot.Testing;

namespace OversightBot.Channels.Slack.Tests;

/// <summary>
/// Acknowledged events and late slash-command answers live in the store's work queue: a bot stopped after the ack
/// leaves them for the next process's worker, which answers exactly once; Slack's retries stay ignored across restarts.
/// </summary>
public sealed class DurableWorkTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private FakeSlack _slack = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.Emails[SlackWire.User] = "olivia.officer@example.org";
    }

    [Fact]
    public async Task An_event_acknowledged_by_a_bot_that_stopped_before_answering_is_answered_once_by_the_next_runner()
    {
        var body = SlackWire.DirectMessage("what's overdue?", eventId: "EvCrash");
        _slack.Hold("users.info");
        await using (var first = await SlackBotHost.StartAsync(_slack, folder: _folder))
        {
            using var ack = await first.PostSignedAsync("/slack/events", body, "application/json");
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            await _slack.WaitForAsync("users.info");
        }

        _slack.Release("users.info");
        await using var second = await SlackBotHost.StartAsync(_slack, folder: _folder);
        var runner = RunnerAfterTheLease(second);

        Assert.Equal(1, await runner.RunReadyAsync(CancellationToken.None));
        var answer = Assert.Single(_slack.CallsOf("chat.postMessage"));
        Assert.Equal(SlackWire.Dm, answer.Str("channel"));
        Assert.Contains("overdue", answer.Str("text"), StringComparison.OrdinalIgnoreCase);

        using var retry = await second.PostSignedAsync("/slack/events", body, "application/json", retryNum: 1);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(0, await runner.RunReadyAsync(CancellationToken.None));
        await Task.Delay(300);
        Assert.Single(_slack.CallsOf("chat.postMessage"));
    }

    [Fact]
    public async Task An_event_handled_at_once_leaves_only_its_id_and_its_retry_after_a_restart_is_ignored()
    {
        var body = SlackWire.DirectMessage("what's overdue?", eventId: "EvDone");
        await using (var first = await SlackBotHost.StartAsync(_slack, folder: _folder))
        {
            using var ack = await first.PostSignedAsync("/slack/events", body, "application/json");
            await _slack.WaitForAsync("chat.postMessage");
            await WaitUntilAsync(async () => await first.Store.GetWorkAsync(SlackEventWork.IdOf("EvDone"), CancellationToken.None) is null);
        }

        await using var second = await SlackBotHost.StartAsync(_slack, folder: _folder);
        using var retry = await second.PostSignedAsync("/slack/events", body, "application/json", retryNum: 2);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(0, await RunnerAfterTheLease(second).RunReadyAsync(CancellationToken.None));
        await Task.Delay(300);
        Assert.Single(_slack.CallsOf("chat.postMessage"));
    }

    [Fact]
    public async Task A_slow_slash_command_whose_bot_stopped_is_answered_once_through_response_url_by_the_next_runner()
    {
        var settings = new Dictionary<string, string?> { ["Slack:CommandBudget"] = "00:00:00.200" };
        _slack.Hold("users.info");
        await using (var first = await SlackBotHost.StartAsync(_slack, settings, folder: _folder))
        {
            using var ack = await first.PostSignedAsync("/slack/commands", SlackWire.Command("what's overdue?", _slack.ResponseUrl("late")), "application/x-www-form-urlencoded");
            Assert.Contains("Working on it", await ack.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        _slack.Release("users.info");
        await using var second = await SlackBotHost.StartAsync(_slack, settings, folder: _folder);

        Assert.Equal(1, await RunnerAfterTheLease(second).RunReadyAsync(CancellationToken.None));
        var late = Assert.Single(_slack.CallsOf("response_url:late"));
        Assert.True(late.Args["replace_original"]!.GetValue<bool>());
        Assert.Contains("overdue", late.Str("text"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await RunnerAfterTheLease(second).RunReadyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_slow_slash_command_answered_by_its_own_bot_leaves_no_work_behind()
    {
        var settings = new Dictionary<string, string?> { ["Slack:CommandBudget"] = "00:00:00.200" };
        _slack.Hold("users.info");
        await using var bot = await SlackBotHost.StartAsync(_slack, settings, folder: _folder);
        using var ack = await bot.PostSignedAsync("/slack/commands", SlackWire.Command("what's overdue?", _slack.ResponseUrl("own")), "application/x-www-form-urlencoded");
        Assert.Contains("Working on it", await ack.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        _slack.Release("users.info");

        await _slack.WaitForAsync("response_url:own");
        await WaitUntilAsync(async () => await bot.Store.GetWorkAsync("slack:command:T1:trig.1", CancellationToken.None) is null);
        Assert.Equal(0, await RunnerAfterTheLease(bot).RunReadyAsync(CancellationToken.None));
        Assert.Single(_slack.CallsOf("response_url:own"));
    }

    /// <summary>The host's worker as it runs once the lease of the process that acknowledged the work has ended.</summary>
    private static WorkRunner RunnerAfterTheLease(SlackBotHost bot) =>
        new(bot.Store, bot.Services.GetServices<IWorkHandler>(), new FakeTimeProvider(DateTimeOffset.UtcNow + WorkRunner.Lease + TimeSpan.FromMinutes(1)));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var waited = 0; waited < 10_000; waited += 20)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The condition never held.");
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        _folder.Dispose();
    }
}
