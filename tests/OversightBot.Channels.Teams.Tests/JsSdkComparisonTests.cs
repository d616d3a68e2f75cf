using System.Net;
using OversightBot.Channels.Teams.Tests.Fakes;
using OversightBot.Testing;
using Xunit.Abstractions;

namespace OversightBot.Channels.Teams.Tests;

/// <summary>
/// The same authentication corpus against Microsoft's JS SDK (botbuilder CloudAdapter) pointed at the same local
/// metadata: it must make the same accept/reject decisions. Where it answers 500 instead of 401 is reported.
/// </summary>
public sealed class JsSdkComparisonTests(ITestOutputHelper output) : IAsyncLifetime
{
    private AuthenticatedBot _stage = null!;

    private FakeIssuer Issuer => _stage.Issuer;

    private FakeConnector Connector => _stage.Connector;

    private TeamsBotHost Bot => _stage.Bot;

    private HttpClient Http => _stage.Http;

    public async Task InitializeAsync() => _stage = await AuthenticatedBot.StartAsync();

    [PeerFact]
    public async Task The_JS_SDK_makes_the_same_accept_and_reject_decisions_on_the_corpus_and_ours_always_says_401()
    {
        await using var js = await JsBot.StartAsync("auth", TeamsBotHost.AppId, Issuer.MetadataUrl);
        var differences = new List<string>();
        foreach (var @case in AuthCorpus.Build(Issuer, Connector.ServiceUrl, TeamsBotHost.AppId))
        {
            var ours = await AuthenticationTests.PostAsync(Http, Bot.MessagesUrl, @case);
            var theirs = await AuthenticationTests.PostAsync(Http, js.MessagesUrl, @case);
            output.WriteLine($"{@case.Name,-22} expected {(@case.Accept ? "accept" : "reject"),-6}  ours {(int)ours}  botbuilder {(int)theirs}");

            Assert.Equal(@case.Accept ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, ours);
            if ((theirs == HttpStatusCode.OK) != @case.Accept)
            {
                differences.Add($"{@case.Name}: botbuilder answered {(int)theirs}");
            }
        }

        Assert.True(differences.Count == 0, "botbuilder decided differently: " + string.Join("; ", differences));
    }

    public async Task DisposeAsync() => await _stage.DisposeAsync();
}
