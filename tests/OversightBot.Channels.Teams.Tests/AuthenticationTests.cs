using System.Net;
using System.Text;
using OversightBot.Channels.Teams.Tests.Fakes;

namespace OversightBot.Channels.Teams.Tests;

/// <summary>The authentication corpus against the bot with a real local issuer (OpenID metadata + JWKS) on loopback.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private FakeIssuer _issuer = null!;
    private FakeConnector _connector = null!;
    private TeamsBotHost _bot = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _issuer = await FakeIssuer.StartAsync();
        _connector = await FakeConnector.StartAsync();
        _bot = await TeamsBotHost.StartAsync(TeamsBotHost.Authenticated(_issuer, _connector));
    }

    public static TheoryData<string> CaseNames() => new(
        "valid", "expired-inside-skew", "no-header", "wrong-audience", "wrong-issuer", "channel-not-endorsed", "serviceurl-missing",
        "serviceurl-different", "expired-beyond-skew", "not-yet-valid", "hs256", "alg-none", "tampered-signature", "unknown-kid",
        "known-kid-wrong-key", "rs256-as-ps256", "not-a-jwt", "bad-base64-header", "header-not-json", "empty-bearer", "basic-scheme");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Every_corpus_request_is_accepted_only_when_valid_and_otherwise_gets_401_with_nothing_handled(string name)
    {
        var corpus = AuthCorpus.Build(_issuer, _connector.ServiceUrl, TeamsBotHost.AppId);
        var @case = corpus.Single(c => c.Name == name);

        var status = await PostAsync(_http, _bot.MessagesUrl, @case);

        if (@case.Accept)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            await _connector.WaitForAsync(r => r.RawTarget.Contains(Uri.EscapeDataString("a:auth-" + name), StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            await Task.Delay(100);
            Assert.DoesNotContain(_connector.Requests, r => r.RawTarget.Contains(Uri.EscapeDataString("a:auth-" + name), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_key_published_after_start_is_picked_up_when_a_token_names_it()
    {
        var first = AuthCorpus.Build(_issuer, _connector.ServiceUrl, TeamsBotHost.AppId).Single(c => c.Name == "valid");
        Assert.Equal(HttpStatusCode.OK, await PostAsync(_http, _bot.MessagesUrl, first));

        _issuer.AddKey("rolled-key", "msteams");
        var rolled = first with { Authorization = "Bearer " + _issuer.Token(TeamsBotHost.AppId, _connector.ServiceUrl, kid: "rolled-key") };

        Assert.Equal(HttpStatusCode.OK, await PostAsync(_http, _bot.MessagesUrl, rolled));
    }

    [Fact]
    public async Task A_token_verified_once_is_still_checked_against_each_activity()
    {
        var valid = AuthCorpus.Build(_issuer, _connector.ServiceUrl, TeamsBotHost.AppId).Single(c => c.Name == "valid");
        Assert.Equal(HttpStatusCode.OK, await PostAsync(_http, _bot.MessagesUrl, valid));

        var elsewhere = valid with { Activity = AuthCorpus.Activity("reused-elsewhere", "https://smba.trafficmanager.net/evil/") };
        var otherChannel = valid with { Activity = AuthCorpus.Activity("reused-other-channel", _connector.ServiceUrl, channelId: "slack") };

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(_http, _bot.MessagesUrl, elsewhere));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(_http, _bot.MessagesUrl, otherChannel));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(_http, _bot.MessagesUrl, valid));
    }

    [Fact]
    public async Task Tokens_are_validated_against_cached_keys_without_fetching_metadata_each_time()
    {
        var valid = AuthCorpus.Build(_issuer, _connector.ServiceUrl, TeamsBotHost.AppId).Single(c => c.Name == "valid");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await PostAsync(_http, _bot.MessagesUrl, valid));
        }

        Assert.Equal(1, _issuer.MetadataRequests);
    }

    [Fact]
    public async Task Replies_carry_the_client_credentials_token_fetched_once()
    {
        var valid = AuthCorpus.Build(_issuer, _connector.ServiceUrl, TeamsBotHost.AppId).Single(c => c.Name == "valid");
        for (var i = 0; i < 3; i++)
        {
            await PostAsync(_http, _bot.MessagesUrl, valid);
        }

        var sent = await _connector.WaitForAsync(r => r.Method == "POST" && r.RawTarget.Contains("/activities", StringComparison.Ordinal));
        Assert.Equal("Bearer connector-token-1", sent.Authorization);
        Assert.Equal(1, _connector.TokenRequests);
    }

    public static async Task<HttpStatusCode> PostAsync(HttpClient http, Uri url, AuthCase @case)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(@case.Activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (@case.Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", @case.Authorization);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
    }
}
