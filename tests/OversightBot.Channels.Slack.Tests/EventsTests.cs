using System.Net;
using System.Text.Json.Nodes;
using OversightBot.Channels.Slack.Tests.Fakes;

namespace OversightBot.Channels.Slack.Tests;

/// <summary>/slack/events: signatures on the raw bytes, url_verification, acknowledged events answered once, no loops.</summary>
public sealed class EventsTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.Emails[SlackWire.User] = "olivia.officer@example.org";
        _bot = await SlackBotHost.StartAsync(_slack);
    }

    [Fact]
    public async Task Url_verification_is_answered_with_the_challenge()
    {
        using var res = await _bot.PostSignedAsync("/slack/events", """{"token":"t","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""", "application/json");

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", JsonNode.Parse(await res.Content.ReadAsStringAsync())!["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unsigned_stale_or_tampered_request_gets_401_and_nothing_is_handled()
    {
        var body = SlackWire.DirectMessage("what's overdue?");
        using var unsigned = await _bot.PostAsync("/slack/events", new StringContent(body));
        using var stale = await _bot.PostSignedAsync("/slack/events", body, "application/json", DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds());
        using var future = await _bot.PostSignedAsync("/slack/events", body, "application/json", DateTimeOffset.UtcNow.AddMinutes(6).ToUnixTimeSeconds());
        using var forged = await _bot.PostSignedAsync("/slack/events", body, "application/json", secret: "someone-else");

        Assert.All(new[] { unsigned, stale, future, forged }, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        await Task.Delay(300);
        Assert.Empty(_slack.CallsOf("chat.postMessage"));
    }

    [Fact]
    public async Task A_direct_message_is_acknowledged_and_answered_in_the_dm_with_blocks_and_fallback_text()
    {
        using var res = await _bot.PostSignedAsync("/slack/events", SlackWire.DirectMessage("what's overdue?"), "application/json");

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var posted = await _slack.WaitForAsync("chat.postMessage");
        Assert.Equal(SlackWire.Dm, posted.Str("channel"));
        Assert.Equal(FakeSlack.BotToken, posted.Token);
        Assert.Contains("overdue", posted.Str("text"), StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(posted.Args["blocks"]!.AsArray());
        Assert.Null(posted.Args["thread_ts"]);
    }

    [Fact]
    public async Task A_first_time_user_is_linked_to_the_person_with_their_slack_email()
    {
        using var res = await _bot.PostSignedAsync("/slack/events", SlackWire.DirectMessage("help"), "application/json");

        await _slack.WaitForAsync("chat.postMessage");
        var person = await _bot.Store.GetPersonAsync("olivia.officer@example.org", CancellationToken.None);
        Assert.Equal(SlackWire.User, person!.AccountIn("slack"));
        var reference = await _bot.Store.GetReferenceAsync(SlackAddress.UserKey(SlackWire.User), CancellationToken.None);
        Assert.Equal(SlackWire.Dm, SlackAddress.From(reference!)!.DmChannel);
    }

    [Fact]
    public async Task A_mention_in_a_channel_is_answered_in_its_thread()
    {
        using var res = await _bot.PostSignedAsync("/slack/events", SlackWire.Mention("what's overdue?"), "application/json");

        var posted = await _slack.WaitForAsync("chat.postMessage");
        Assert.Equal("C1", posted.Str("channel"));
        Assert.Equal("1700000000.000200", posted.Str("thread_ts"));
    }

    [Fact]
    public async Task Slack_s_retries_of_the_same_event_are_answered_once()
    {
        var body = SlackWire.DirectMessage("what's overdue?", eventId: "EvRetry");
        using var first = await _bot.PostSignedAsync("/slack/events", body, "application/json");
        using var retry = await _bot.PostSignedAsync("/slack/events", body, "application/json");

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await _slack.WaitForAsync("chat.postMessage");
        await Task.Delay(500);
        Assert.Single(_slack.CallsOf("chat.postMessage"));
    }

    [Theory]
    [InlineData(null, "B1")]
    [InlineData("message_changed", null)]
    [InlineData("bot_message", null)]
    public async Task Bot_messages_and_edits_are_acknowledged_and_never_answered(string? subtype, string? botId)
    {
        using var res = await _bot.PostSignedAsync("/slack/events", SlackWire.DirectMessage("what's overdue?", eventId: "EvBot", subtype: subtype, botId: botId), "application/json");
        using var own = await _bot.PostSignedAsync("/slack/events", SlackWire.DirectMessage("what's overdue?", eventId: "EvSelf", user: "UBOT"), "application/json");

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await Task.Delay(500);
        Assert.Empty(_slack.CallsOf("chat.postMessage"));
    }

    [Fact]
    public async Task Opening_the_home_tab_publishes_the_person_s_items_and_digest_state()
    {
        using var res = await _bot.PostSignedAsync("/slack/events", SlackWire.HomeOpened(), "application/json");

        var published = await _slack.WaitForAsync("views.publish");
        Assert.Equal(SlackWire.User, published.Str("user_id"));
        var view = published.Args["view"]!.ToJsonString();
        Assert.Contains("\"type\":\"home\"", view, StringComparison.Ordinal);
        Assert.Contains("weekly digest", view, StringComparison.Ordinal);
        Assert.Contains("R-2", view, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_signing_secret_every_endpoint_answers_404()
    {
        await using var off = await SlackBotHost.StartAsync(_slack, withSecret: false);

        foreach (var path in new[] { "/slack/events", "/slack/commands", "/slack/interactions" })
        {
            using var res = await off.PostSignedAsync(path, "{}", "application/json");
            Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_and_a_get_gets_405()
    {
        using var big = await _bot.PostSignedAsync("/slack/events", new string('x', 70 * 1024), "application/json");
        using var get = await new HttpClient().GetAsync(new Uri(_bot.BaseUrl, "slack/events"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }
}
