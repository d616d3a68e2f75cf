using System.Text.Json.Nodes;
using OversightBot.Channels.Slack.Tests.Fakes;
using OversightBot.Testing;

namespace OversightBot.Channels.Slack.Tests;

/// <summary>
/// Slack's own SDKs against the fake Slack the other tests rely on: if the official WebClient and SocketModeClient
/// are satisfied with its answers (429 + Retry-After included), the fake speaks Slack.
/// </summary>
public sealed class SlackSdkPeerTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.Emails[SlackWire.User] = "olivia.officer@example.org";
    }

    [SlackSdkFact("@slack/web-api")]
    public async Task Slack_s_WebClient_reads_the_fake_s_answers_and_waits_out_a_429_Retry_After()
    {
        _slack.Answer("chat.postMessage", 429, """{"ok":false,"error":"ratelimited"}""", retryAfter: "1");

        var (code, output) = await NodePeers.RunAsync("slack-webclient.mjs", _slack.ApiBaseUrl, "olivia.officer@example.org");

        Assert.True(code == 0, output);
        var seen = JsonNode.Parse(output.Trim().Split('\n')[^1])!;
        Assert.Equal("UBOT", seen["auth"]!["user_id"]!.GetValue<string>());
        Assert.Equal(SlackWire.User, seen["lookup"]!.GetValue<string>());
        Assert.Equal("D" + SlackWire.User, seen["dm"]!.GetValue<string>());
        Assert.True(seen["post"]!["ok"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(seen["post"]!["ts"]!.GetValue<string>()));
        Assert.Equal([1], seen["rateLimited"]!.AsArray().Select(n => n!.GetValue<int>()));
        Assert.Equal("slack_webapi_platform_error", seen["missing"]!["code"]!.GetValue<string>());
        Assert.Equal("user_not_found", seen["missing"]!["error"]!.GetValue<string>());
        Assert.Equal(["R-1 is overdue"], seen["history"]!.AsArray().Select(n => n!.GetValue<string>()));

        var posts = _slack.CallsOf("chat.postMessage");
        Assert.Equal(2, posts.Count);
        Assert.True(posts[1].At - posts[0].At >= TimeSpan.FromMilliseconds(950), "the WebClient retried before Retry-After");
        Assert.All(_slack.Calls, c => Assert.Equal(FakeSlack.BotToken, c.Token));
    }

    [SlackSdkFact("@slack/socket-mode")]
    public async Task Slack_s_SocketModeClient_connects_to_the_fake_acknowledges_an_envelope_and_follows_refresh_requested()
    {
        await using var client = PeerProcess.Start("slack-socket-mode.mjs", _slack.ApiBaseUrl);
        var first = await _slack.SocketMode.WaitForConnectionAsync(1, 30_000);
        await client.WaitForLineAsync(l => l.Contains("\"connected\"", StringComparison.Ordinal));

        await first.SendAsync(new JsonObject
        {
            ["envelope_id"] = "env-sdk",
            ["type"] = "events_api",
            ["accepts_response_payload"] = false,
            ["payload"] = JsonNode.Parse(SlackWire.DirectMessage("hello from the fake", eventId: "EvSdk")),
        });
        var ack = await first.WaitForAsync(m => m["envelope_id"]?.GetValue<string>() == "env-sdk");
        Assert.Equal("env-sdk", ack.Message["envelope_id"]!.GetValue<string>());
        await client.WaitForLineAsync(l => l.Contains("hello from the fake", StringComparison.Ordinal) && l.Contains("env-sdk", StringComparison.Ordinal));

        await first.SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = "refresh_requested" });
        await _slack.SocketMode.WaitForConnectionAsync(2, 30_000);
        Assert.Equal(2, _slack.CallsOf("apps.connections.open").Count);
        Assert.All(_slack.CallsOf("apps.connections.open"), c => Assert.Equal("xapp-1-test", c.Token));
    }

    public async Task DisposeAsync() => await _slack.DisposeAsync();
}

/// <summary>A fact that needs one of Slack's npm SDKs from tests/peers; skipped with a clear message when tests/run.sh has not installed it.</summary>
public sealed class SlackSdkFactAttribute : FactAttribute
{
    public SlackSdkFactAttribute(string package)
    {
        if (!NodePeers.Has(package))
        {
            Skip = $"{package} is not installed in tests/peers: run tests/run.sh, which installs the npm peers from the lock file (node and npm required).";
        }
    }
}
