using OversightBot.Channels.Slack.Tests.Fakes;
using OversightBot.Core.Ports;
using OversightBot.Core.Proactive;
using OversightBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace OversightBot.Channels.Slack.Tests;

/// <summary>Nudges as DMs: found by email once, 429 and gone recipients classified for the outbox, no duplicate after a timeout.</summary>
public sealed class SenderTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackBotHost _bot = null!;
    private SlackSender _sender = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.Emails["U300"] = "colin.clerk@example.org";
        _bot = await SlackBotHost.StartAsync(_slack);
        _sender = _bot.Services.GetRequiredService<SlackSender>();
    }

    private static Core.Replies.Reply Nudge() =>
        NudgeMessages.Nudge(Some.Item("R-2", due: Some.Date(2023, 3, 31)), Some.Date(2023, 3, 31), Some.Date(2023, 3, 24), null);

    [Fact]
    public async Task A_nudge_goes_as_a_dm_to_the_user_found_by_email_and_the_id_is_kept_on_the_person()
    {
        var clerk = (await _bot.Store.GetPersonAsync("colin.clerk@example.org", CancellationToken.None))!;

        Assert.True(await _sender.CanReachAsync(clerk, CancellationToken.None));
        var outcome = await _sender.SendAsync(clerk, Nudge(), "nudge:R-2:2023-03-31:7:colin", CancellationToken.None);

        Assert.Equal(SendOutcomeKind.Delivered, outcome.Kind);
        var posted = Assert.Single(_slack.CallsOf("chat.postMessage"));
        Assert.Equal("DU300", posted.Str("channel"));
        Assert.Equal("nudge:R-2:2023-03-31:7:colin", posted.Args["metadata"]!["event_payload"]!["key"]!.GetValue<string>());
        Assert.Equal("U300", (await _bot.Store.GetPersonAsync("colin.clerk@example.org", CancellationToken.None))!.AccountIn("slack"));
        await _sender.SendAsync(clerk, Nudge(), "nudge:again", CancellationToken.None);
        Assert.Single(_slack.CallsOf("users.lookupByEmail"));
        Assert.Single(_slack.CallsOf("conversations.open"));
    }

    [Fact]
    public async Task A_429_with_a_long_Retry_After_comes_back_as_throttled_for_the_outbox()
    {
        var clerk = (await _bot.Store.GetPersonAsync("colin.clerk@example.org", CancellationToken.None))!;
        await _sender.SendAsync(clerk, Nudge(), "warm", CancellationToken.None);
        _slack.Answer("chat.postMessage", 429, """{"ok":false,"error":"ratelimited"}""", retryAfter: "30");

        var outcome = await _sender.SendAsync(clerk, Nudge(), "nudge:429", CancellationToken.None);

        Assert.Equal(SendOutcomeKind.Throttled, outcome.Kind);
        Assert.Equal(TimeSpan.FromSeconds(30), outcome.RetryAfter);
    }

    [Fact]
    public async Task A_429_with_a_short_Retry_After_is_waited_out_and_the_message_is_posted_once()
    {
        var clerk = (await _bot.Store.GetPersonAsync("colin.clerk@example.org", CancellationToken.None))!;
        await _sender.SendAsync(clerk, Nudge(), "warm", CancellationToken.None);
        _slack.Answer("chat.postMessage", 429, """{"ok":false,"error":"ratelimited"}""", retryAfter: "1");

        var outcome = await _sender.SendAsync(clerk, Nudge(), "nudge:short", CancellationToken.None);

        Assert.Equal(SendOutcomeKind.Delivered, outcome.Kind);
        Assert.Equal(3, _slack.CallsOf("chat.postMessage").Count);
        Assert.Single(_slack.Posted, p => p["metadata"]!["event_payload"]!["key"]!.GetValue<string>() == "nudge:short");
    }

    [Fact]
    public async Task A_person_slack_does_not_know_is_not_reachable_and_a_deactivated_one_is_gone()
    {
        var officer = (await _bot.Store.GetPersonAsync("olivia.officer@example.org", CancellationToken.None))!;
        Assert.False(await _sender.CanReachAsync(officer, CancellationToken.None));

        var clerk = (await _bot.Store.GetPersonAsync("colin.clerk@example.org", CancellationToken.None))!;
        await _sender.SendAsync(clerk, Nudge(), "warm", CancellationToken.None);
        _slack.Answer("chat.postMessage", 200, """{"ok":false,"error":"account_inactive"}""");
        var outcome = await _sender.SendAsync(clerk, Nudge(), "nudge:gone", CancellationToken.None);

        Assert.Equal(SendOutcomeKind.RecipientGone, outcome.Kind);
        Assert.True((await _bot.Store.GetReferenceAsync(SlackAddress.UserKey("U300"), CancellationToken.None))!.Gone);
    }

    [Fact]
    public async Task A_post_whose_answer_was_lost_is_not_repeated_and_the_next_attempt_finds_it_in_the_dm()
    {
        var clerk = (await _bot.Store.GetPersonAsync("colin.clerk@example.org", CancellationToken.None))!;
        await _sender.SendAsync(clerk, Nudge(), "warm", CancellationToken.None);
        _slack.Answer("chat.postMessage", FakeSlack.PostedThenGatewayTimeout, "");

        var first = await _sender.SendAsync(clerk, Nudge(), "nudge:lost", CancellationToken.None);
        var second = await _sender.SendAsync(clerk, Nudge(), "nudge:lost", CancellationToken.None);

        Assert.Equal(SendOutcomeKind.Failed, first.Kind);
        Assert.Equal(SendOutcomeKind.Delivered, second.Kind);
        Assert.Equal(2, _slack.CallsOf("chat.postMessage").Count);
        Assert.Single(_slack.Posted, p => p["metadata"]!["event_payload"]!["key"]!.GetValue<string>() == "nudge:lost");
    }

    [Fact]
    public async Task A_post_refused_with_a_server_error_is_sent_again_only_after_the_dm_shows_it_missing()
    {
        var clerk = (await _bot.Store.GetPersonAsync("colin.clerk@example.org", CancellationToken.None))!;
        await _sender.SendAsync(clerk, Nudge(), "warm", CancellationToken.None);
        _slack.Answer("chat.postMessage", 502, "bad gateway");

        var first = await _sender.SendAsync(clerk, Nudge(), "nudge:502", CancellationToken.None);
        var second = await _sender.SendAsync(clerk, Nudge(), "nudge:502", CancellationToken.None);

        Assert.Equal(SendOutcomeKind.Failed, first.Kind);
        Assert.Equal(SendOutcomeKind.Delivered, second.Kind);
        Assert.Equal(3, _slack.CallsOf("chat.postMessage").Count);
        Assert.Single(_slack.CallsOf("conversations.history"));
        Assert.Single(_slack.Posted, p => p["metadata"]!["event_payload"]!["key"]!.GetValue<string>() == "nudge:502");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }
}
