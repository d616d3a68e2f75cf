using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OversightBot.Channels.Slack.Tests.Fakes;

namespace OversightBot.Channels.Slack.Tests;

/// <summary>
/// Our Socket Mode client on the wire: <c>apps.connections.open</c> with the app token, a real loopback WebSocket,
/// <c>hello</c>, an envelope acknowledged with its id within Slack's 3 s, <c>disconnect</c> refresh_requested
/// (connect again) and link_disabled (stop, and say so).
/// </summary>
public sealed class SocketModeTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.Emails[SlackWire.User] = "olivia.officer@example.org";
        _bot = await SlackBotHost.StartAsync(_slack, new Dictionary<string, string?> { ["Slack:AppToken"] = "xapp-1-test" });
    }

    [Fact]
    public async Task An_events_api_envelope_is_acknowledged_with_its_id_within_three_seconds_and_answered()
    {
        var socket = await _slack.SocketMode.WaitForConnectionAsync(1);
        var open = Assert.Single(_slack.CallsOf("apps.connections.open"));
        Assert.Equal("xapp-1-test", open.Token);

        var sentAt = DateTimeOffset.UtcNow;
        await socket.SendAsync(Envelope("env-1", SlackWire.DirectMessage("what's overdue?", eventId: "EvSocket")));
        var ack = await socket.WaitForAsync(m => m["envelope_id"]?.GetValue<string>() == "env-1");

        Assert.True(ack.At - sentAt < TimeSpan.FromSeconds(3), $"acknowledged after {(ack.At - sentAt).TotalMilliseconds} ms");
        Assert.Null(ack.Message["payload"]);
        var answer = await _slack.WaitForAsync("chat.postMessage");
        Assert.Equal(SlackWire.Dm, answer.Str("channel"));
    }

    [Fact]
    public async Task Refresh_requested_reconnects_and_link_disabled_stops_with_an_error_line()
    {
        var first = await _slack.SocketMode.WaitForConnectionAsync(1);
        await first.SendAsync(Disconnect("refresh_requested"));

        var second = await _slack.SocketMode.WaitForConnectionAsync(2);
        await first.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, _slack.CallsOf("apps.connections.open").Count);

        await second.SendAsync(Disconnect("link_disabled"));
        await second.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        var line = await _bot.Logs.WaitForAsync(l => l.Level == LogLevel.Error && l.Text.Contains("link_disabled", StringComparison.Ordinal));
        Assert.Equal(SlackLogEvents.SocketModeServiceError2.Id, line.Id.Id);

        await Task.Delay(1500);
        Assert.Equal(2, _slack.SocketMode.Connections.Count);
        Assert.Equal(2, _slack.CallsOf("apps.connections.open").Count);
    }

    private static JsonObject Envelope(string id, string callbackJson) => new()
    {
        ["envelope_id"] = id,
        ["type"] = "events_api",
        ["accepts_response_payload"] = false,
        ["retry_attempt"] = 0,
        ["retry_reason"] = "",
        ["payload"] = JsonNode.Parse(callbackJson),
    };

    private static JsonObject Disconnect(string reason) => new()
    {
        ["type"] = "disconnect",
        ["reason"] = reason,
        ["debug_info"] = new JsonObject { ["host"] = "fake-socket-mode" },
    };

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }
}
