using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using OversightBot.Channels.Teams.Tests.Fakes;

namespace OversightBot.Channels.Teams.Tests;

/// <summary>The authentication corpus against the bot with a real local issuer (OpenID metadata + JWKS) on loopback.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private AuthenticatedBot _stage = null!;

    private FakeIssuer Issuer => _stage.Issuer;

    private FakeConnector Connector => _stage.Connector;

    private TeamsBotHost Bot => _stage.Bot;

    private HttpClient Http => _stage.Http;

    public async Task InitializeAsync() => _stage = await AuthenticatedBot.StartAsync();

    public static TheoryData<string> CaseNames() => new(
        "valid", "expired-inside-skew", "no-header", "wrong-audience", "wrong-issuer", "channel-not-endorsed", "serviceurl-missing",
        "serviceurl-different", "expired-beyond-skew", "not-yet-valid", "hs256", "alg-none", "tampered-signature", "unknown-kid",
        "known-kid-wrong-key", "rs256-as-ps256", "not-a-jwt", "bad-base64-header", "header-not-json", "empty-bearer", "basic-scheme");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Every_corpus_request_is_accepted_only_when_valid_and_otherwise_gets_401_with_nothing_handled(string name)
    {
        var corpus = AuthCorpus.Build(Issuer, Connector.ServiceUrl, TeamsBotHost.AppId);
        var @case = corpus.Single(c => c.Name == name);

        var status = await PostAsync(Http, Bot.MessagesUrl, @case);

        if (@case.Accept)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            await Connector.WaitForAsync(r => r.RawTarget.Contains(Uri.EscapeDataString("a:auth-" + name), StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            await Task.Delay(100);
            Assert.DoesNotContain(Connector.Requests, r => r.RawTarget.Contains(Uri.EscapeDataString("a:auth-" + name), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_key_published_after_start_is_picked_up_when_a_token_names_it()
    {
        var first = AuthCorpus.Build(Issuer, Connector.ServiceUrl, TeamsBotHost.AppId).Single(c => c.Name == "valid");
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Http, Bot.MessagesUrl, first));

        Issuer.AddKey("rolled-key", "msteams");
        var rolled = first with { Authorization = "Bearer " + Issuer.Token(TeamsBotHost.AppId, Connector.ServiceUrl, kid: "rolled-key") };

        Assert.Equal(HttpStatusCode.OK, await PostAsync(Http, Bot.MessagesUrl, rolled));

        // Right after the rollover, every request signed with the new key is accepted (the keys fetched for the
        // first one serve the next ones, while the cached key set is still being replaced).
        var another = first with { Authorization = "Bearer " + Issuer.Token(TeamsBotHost.AppId, Connector.ServiceUrl, kid: "rolled-key", expiresIn: TimeSpan.FromMinutes(59)) };
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Http, Bot.MessagesUrl, another));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Http, Bot.MessagesUrl, rolled));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Http, Bot.MessagesUrl, first));
    }

    [Fact]
    public async Task A_token_verified_once_is_still_checked_against_each_activity()
    {
        var valid = AuthCorpus.Build(Issuer, Connector.ServiceUrl, TeamsBotHost.AppId).Single(c => c.Name == "valid");
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Http, Bot.MessagesUrl, valid));

        var elsewhere = valid with { Activity = AuthCorpus.Activity("reused-elsewhere", "https://smba.trafficmanager.net/evil/") };
        var otherChannel = valid with { Activity = AuthCorpus.Activity("reused-other-channel", Connector.ServiceUrl, channelId: "slack") };

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(Http, Bot.MessagesUrl, elsewhere));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(Http, Bot.MessagesUrl, otherChannel));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Http, Bot.MessagesUrl, valid));
    }

    [Fact]
    public async Task A_token_verified_once_is_refused_once_it_has_expired()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var stage = await AuthenticatedBot.StartAsync(clock);
        var valid = AuthCorpus.Build(stage.Issuer, stage.Connector.ServiceUrl, TeamsBotHost.AppId).Single(c => c.Name == "valid");
        Assert.Equal(HttpStatusCode.OK, await PostAsync(stage.Http, stage.Bot.MessagesUrl, valid));

        clock.Advance(TimeSpan.FromMinutes(64)); // the token lives 60 minutes; the skew allows 5 more
        Assert.Equal(HttpStatusCode.OK, await PostAsync(stage.Http, stage.Bot.MessagesUrl, valid));

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(stage.Http, stage.Bot.MessagesUrl, valid));
    }

    [Fact]
    public async Task A_token_verified_once_is_refused_when_its_key_is_withdrawn()
    {
        Issuer.AddKey("short-lived", "msteams");
        var valid = AuthCorpus.Build(Issuer, Connector.ServiceUrl, TeamsBotHost.AppId).Single(c => c.Name == "valid");
        var signedWithShortLived = valid with { Authorization = "Bearer " + Issuer.Token(TeamsBotHost.AppId, Connector.ServiceUrl, kid: "short-lived") };
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Http, Bot.MessagesUrl, signedWithShortLived));

        // The issuer withdraws the key; a token naming a key the bot has never seen makes it fetch the keys again.
        Issuer.RemoveKey("short-lived");
        Issuer.AddKey("newest", "msteams");
        var fresh = valid with { Authorization = "Bearer " + Issuer.Token(TeamsBotHost.AppId, Connector.ServiceUrl, kid: "newest") };
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Http, Bot.MessagesUrl, fresh));

        // The bot's key set is replaced in the background; from then on the remembered token is checked again.
        var status = HttpStatusCode.OK;
        for (var i = 0; i < 100 && status == HttpStatusCode.OK; i++)
        {
            await Task.Delay(i == 0 ? 0 : 100);
            status = await PostAsync(Http, Bot.MessagesUrl, signedWithShortLived);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Tokens_are_validated_against_cached_keys_without_fetching_metadata_each_time()
    {
        var valid = AuthCorpus.Build(Issuer, Connector.ServiceUrl, TeamsBotHost.AppId).Single(c => c.Name == "valid");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await PostAsync(Http, Bot.MessagesUrl, valid));
        }

        Assert.Equal(1, Issuer.MetadataRequests);
    }

    [Fact]
    public async Task Replies_carry_the_client_credentials_token_fetched_once()
    {
        var valid = AuthCorpus.Build(Issuer, Connector.ServiceUrl, TeamsBotHost.AppId).Single(c => c.Name == "valid");
        for (var i = 0; i < 3; i++)
        {
            await PostAsync(Http, Bot.MessagesUrl, valid);
        }

        var sent = await Connector.WaitForAsync(r => r.Method == "POST" && r.RawTarget.Contains("/activities", StringComparison.Ordinal));
        Assert.Equal("Bearer connector-token-1", sent.Authorization);
        Assert.Equal(1, Connector.TokenRequests);
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

    public async Task DisposeAsync() => await _stage.DisposeAsync();
}
