using System.Globalization;
using System.Net;
using System.Text;
using OversightBot.Channels.Slack.Tests.Fakes;
using OversightBot.Testing;

namespace OversightBot.Channels.Slack.Tests;

/// <summary>
/// <c>@slack/bolt</c> as a reference receiver: the same signed requests go to a minimal Bolt app and to our endpoints,
/// and both must accept or refuse them alike — except a timestamp from the future, which Bolt accepts and we refuse
/// (Bolt only checks that a request is not older than five minutes).
/// </summary>
public sealed class BoltParityTests(BoltParityTests.Receivers receivers) : IClassFixture<BoltParityTests.Receivers>
{
    private readonly SlackBotHost _bot = receivers.Bot;
    private readonly FakeSlack _slack = receivers.Slack;
    private readonly Uri _boltUrl = receivers.BoltUrl;
    private readonly HttpClient _http = receivers.Http;

    /// <summary>One request as an attacker or a clock could shape it.</summary>
    public sealed record Case(string Name, long TimestampShiftSeconds = 0, string? Secret = null, bool TamperBody = false, bool NoSignature = false, bool NoTimestamp = false);

    public static TheoryData<string> Names => new(Cases.Select(c => c.Name));

    private static readonly Case[] Cases =
    [
        new("valid"),
        new("tampered body", TamperBody: true),
        new("stale timestamp", TimestampShiftSeconds: -360),
        new("timestamp just inside the window", TimestampShiftSeconds: -240),
        new("future timestamp", TimestampShiftSeconds: 360),
        new("missing signature", NoSignature: true),
        new("missing timestamp", NoTimestamp: true),
        new("wrong secret", Secret: "not-the-signing-secret"),
    ];

    [SlackSdkTheory("@slack/bolt")]
    [MemberData(nameof(Names))]
    public async Task An_event_request_gets_the_same_decision_from_bolt_and_from_us_except_a_future_timestamp(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var body = SlackWire.DirectMessage("help", eventId: "EvParity-" + name.Replace(' ', '-'));

        var bolt = await SendAsync(_boltUrl, body, "application/json", c);
        var ours = await SendAsync(new Uri(_bot.BaseUrl, "slack/events"), body, "application/json", c);

        AssertSameDecision(c, bolt, ours);
    }

    [SlackSdkTheory("@slack/bolt")]
    [MemberData(nameof(Names))]
    public async Task A_slash_command_gets_the_same_decision_from_bolt_and_from_us_except_a_future_timestamp(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var body = SlackWire.Command("help", _slack.ResponseUrl("parity"));

        var bolt = await SendAsync(_boltUrl, body, "application/x-www-form-urlencoded", c);
        var ours = await SendAsync(new Uri(_bot.BaseUrl, "slack/commands"), body, "application/x-www-form-urlencoded", c);

        AssertSameDecision(c, bolt, ours);
    }

    private static void AssertSameDecision(Case c, HttpStatusCode bolt, HttpStatusCode ours)
    {
        if (c.TimestampShiftSeconds > 300)
        {
            // Bolt is looser here: it refuses only old requests. We refuse both directions, as Slack's rule says.
            Assert.Equal(HttpStatusCode.OK, bolt);
            Assert.Equal(HttpStatusCode.Unauthorized, ours);
            return;
        }

        Assert.Equal(Accepted(bolt), Accepted(ours));
        Assert.Equal(c.Name is "valid" or "timestamp just inside the window", Accepted(ours));
        if (!Accepted(ours))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, bolt);
            Assert.Equal(HttpStatusCode.Unauthorized, ours);
        }
    }

    private static bool Accepted(HttpStatusCode status) => (int)status is >= 200 and < 300;

    private async Task<HttpStatusCode> SendAsync(Uri url, string body, string contentType, Case c)
    {
        var ts = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + c.TimestampShiftSeconds).ToString(CultureInfo.InvariantCulture);
        var signature = SlackSignature.Sign(c.Secret ?? SlackBotHost.Secret, ts, Encoding.UTF8.GetBytes(body));
        var sent = c.TamperBody ? body.Replace("help", "hel p", StringComparison.Ordinal) : body;
        // As Slack sends it: the media type without a charset parameter.
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(sent, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        if (!c.NoTimestamp)
        {
            request.Headers.Add(SlackSignature.TimestampHeader, ts);
        }

        if (!c.NoSignature)
        {
            request.Headers.Add(SlackSignature.SignatureHeader, signature);
        }

        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Bolt and our bot, started once for all cases (both in front of the same fake Slack).</summary>
    public sealed class Receivers : IAsyncLifetime
    {
        private PeerProcess? _bolt;

        public HttpClient Http { get; } = new();
        public FakeSlack Slack { get; private set; } = null!;
        public SlackBotHost Bot { get; private set; } = null!;
        public Uri BoltUrl { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Slack = await FakeSlack.StartAsync();
            Slack.Emails[SlackWire.User] = "olivia.officer@example.org";
            Bot = await SlackBotHost.StartAsync(Slack);
            if (NodePeers.Has("@slack/bolt"))
            {
                var port = Loopback.FreePort();
                _bolt = PeerProcess.Start("slack-bolt-receiver.mjs", port.ToString(CultureInfo.InvariantCulture), SlackBotHost.Secret, Slack.ApiBaseUrl);
                await _bolt.WaitForLineAsync(l => l == "listening");
                BoltUrl = new Uri($"http://127.0.0.1:{port}/slack/events");
            }
        }

        public async Task DisposeAsync()
        {
            if (_bolt is not null)
            {
                await _bolt.DisposeAsync();
            }

            Http.Dispose();
            await Bot.DisposeAsync();
            await Slack.DisposeAsync();
        }
    }
}

/// <summary>A theory that needs one of Slack's npm SDKs from tests/peers; skipped with a clear message when it is not installed.</summary>
public sealed class SlackSdkTheoryAttribute : TheoryAttribute
{
    public SlackSdkTheoryAttribute(string package)
    {
        if (!NodePeers.Has(package))
        {
            Skip = $"{package} is not installed in tests/peers: run tests/run.sh, which installs the npm peers from the lock file (node and npm required).";
        }
    }
}
