using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OversightBot.Channels.Teams.Tests.Fakes;

namespace OversightBot.Channels.Teams.Tests;

/// <summary>Tenant allow-list, single-tenant Entra tokens, service URL allow-list and start-up validation of the options.</summary>
public sealed class PolicyTests : IAsyncLifetime
{
    private const string TenantId = "0d0b6a4c-1111-4222-8333-944444444444";
    private FakeIssuer _issuer = null!;
    private FakeConnector _connector = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _issuer = await FakeIssuer.StartAsync();
        _connector = await FakeConnector.StartAsync();
    }

    [Fact]
    public async Task A_tenant_off_the_allow_list_gets_a_polite_reply_and_no_data()
    {
        var settings = TeamsBotHost.Authenticated(_issuer, _connector);
        settings["Teams:AllowedTenants:0"] = TenantId;
        await using var bot = await TeamsBotHost.StartAsync(settings);

        using var res = await PostAsync(bot, Activities.Message("what's overdue?", _connector.ServiceUrl), _issuer.Token(TeamsBotHost.AppId, _connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var sent = await _connector.WaitForAsync(r => r.Method == "POST");
        Assert.Equal(TeamsBot.NotAllowedText, sent.Json!["text"]!.GetValue<string>());
        Assert.Null(sent.Json!["attachments"]);
        Assert.Null(await bot.Store.GetReferenceAsync(TeamsReferences.UserKey(Activities.UserAad), CancellationToken.None));
    }

    [Fact]
    public async Task A_single_tenant_bot_accepts_an_Entra_token_from_its_tenant_and_checks_serviceurl_when_present()
    {
        var settings = TeamsBotHost.Authenticated(_issuer, _connector);
        settings["Teams:TenantId"] = TenantId;
        settings["Teams:EntraOpenIdMetadataUrl"] = _issuer.MetadataUrl;
        await using var bot = await TeamsBotHost.StartAsync(settings);
        var entra = $"https://login.microsoftonline.com/{TenantId}/v2.0";

        using var ok = await PostAsync(bot, Activities.Message("help", _connector.ServiceUrl), _issuer.Token(TeamsBotHost.AppId, null, issuer: entra));
        using var wrongUrl = await PostAsync(bot, Activities.Message("help", _connector.ServiceUrl), _issuer.Token(TeamsBotHost.AppId, "https://elsewhere.example/", issuer: entra));
        using var otherTenant = await PostAsync(bot, Activities.Message("help", _connector.ServiceUrl), _issuer.Token(TeamsBotHost.AppId, null, issuer: "https://login.microsoftonline.com/11111111-0000-0000-0000-000000000000/v2.0"));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongUrl.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherTenant.StatusCode);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://europe.smba.trafficmanager.net/", true)]
    [InlineData("https://directline.botframework.com/", true)]
    [InlineData("https://evilbotframework.com/", false)]
    [InlineData("http://smba.trafficmanager.net/emea/", false)]
    [InlineData("https://user@smba.trafficmanager.net/", false)]
    [InlineData("http://127.0.0.1:5000/", false)]
    [InlineData("not a url", false)]
    public void Only_Bot_Framework_and_Teams_hosts_over_https_get_the_token_by_default(string serviceUrl, bool allowed)
    {
        var policy = new ServiceUrlPolicy(Options.Create(new TeamsOptions { AppId = TeamsBotHost.AppId, AppPassword = "x" }));

        Assert.Equal(allowed, policy.IsAllowed(serviceUrl));
    }

    [Fact]
    public void In_development_mode_loopback_service_urls_are_allowed()
    {
        var policy = new ServiceUrlPolicy(Options.Create(new TeamsOptions()));

        Assert.True(policy.IsAllowed("http://localhost:56150/_connector"));
        Assert.False(policy.IsAllowed("http://10.1.2.3/_connector"));
    }

    [Fact]
    public async Task An_app_id_without_a_password_stops_the_host_at_start()
    {
        var settings = new Dictionary<string, string?> { ["Teams:AppId"] = TeamsBotHost.AppId, ["Teams:OpenIdMetadataUrl"] = "http://metadata.example/config" };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TeamsBotHost.StartAsync(settings));

        Assert.Contains("AppPassword", error.Message, StringComparison.Ordinal);
        Assert.Contains("https", error.Message, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostAsync(TeamsBotHost bot, JsonObject activity, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, bot.MessagesUrl) { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return _http.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
    }
}
