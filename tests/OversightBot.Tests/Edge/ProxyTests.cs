using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OversightBot.Tests.Edge;

/// <summary>
/// Behind a reverse proxy every caller looks local, so the web chat (which has no sign-in) refuses anything that came
/// through one; forwarded headers are believed only from Web:TrustedProxies; remote /health says only up or down.
/// </summary>
public sealed class ProxyTests
{
    private static readonly DateTimeOffset Now = new(2023, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.9")]
    [InlineData("Forwarded", "for=203.0.113.9")]
    [InlineData("X-Real-IP", "203.0.113.9")]
    public async Task Chat_ThroughAnUnconfiguredProxyOnThisMachine_IsRefused(string header, string value)
    {
        await using var bot = await LoopbackBot.StartAsync(Now);

        using var res = await SendAsync(bot, HttpMethod.Post, "/api/chat", (header, value));

        Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
        Assert.Contains("proxy", await res.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/people")]
    [InlineData("/api/notifications?as=colin.clerk@example.org")]
    [InlineData("/")]
    public async Task WebChatEndpoints_FromATrustedProxy_AreRefusedEvenWithoutHeaders(string path)
    {
        await using var bot = await LoopbackBot.StartAsync(Now, "--Web:TrustedProxies:0=127.0.0.1");

        using var res = await SendAsync(bot, HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
    }

    [Fact]
    public async Task Chat_FromThisMachineDirectly_IsStillAnswered()
    {
        await using var bot = await LoopbackBot.StartAsync(Now, "--Web:TrustedProxies:0=10.9.9.9");

        using var res = await SendAsync(bot, HttpMethod.Post, "/api/chat");

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
    }

    [Fact]
    public async Task TeamsInDevelopmentMode_ThroughAProxy_IsRefused()
    {
        await using var bot = await LoopbackBot.StartAsync(Now);
        using var content = JsonContent.Create(new { type = "message", text = "help" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        using var res = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, res.StatusCode);
    }

    [Fact]
    public async Task Health_ThroughAProxy_SaysOnlyUp()
    {
        await using var bot = await LoopbackBot.StartAsync(Now, "--Web:TrustedProxies:0=127.0.0.1");

        using var res = await SendAsync(bot, HttpMethod.Get, "/health", ("X-Forwarded-For", "203.0.113.9"));
        var body = await res.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("""{"status":"up"}""", body);
    }

    [Fact]
    public async Task Health_FromThisMachine_KeepsItsDetail()
    {
        await using var bot = await LoopbackBot.StartAsync(Now, "--Web:TrustedProxies:0=10.9.9.9");

        var health = await bot.Http.GetFromJsonAsync<JsonElement>("/health");

        Assert.True(health.TryGetProperty("store", out _) || health.EnumerateObject().Count() > 1, health.ToString());
    }

    [Fact]
    public async Task ForwardedProto_FromATrustedProxy_IsBelieved_AndFromOthersIsNot()
    {
        await using var trusting = await LoopbackBot.StartAsync(Now, "--Web:TrustedProxies:0=127.0.0.1", "--WebChat:AllowRemote=true");
        await using var untrusting = await LoopbackBot.StartAsync(Now, "--WebChat:AllowRemote=true");

        using var viaTrusted = await SendAsync(trusting, HttpMethod.Post, "/api/chat", ("X-Forwarded-Proto", "https"));
        using var viaOther = await SendAsync(untrusting, HttpMethod.Post, "/api/chat", ("X-Forwarded-Proto", "https"));

        Assert.Contains("secure", string.Join(";", viaTrusted.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", string.Join(";", viaOther.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TrustedProxies_NotAnAddress_StopsTheStartWithAClearMessage()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => LoopbackBot.StartAsync(Now, "--Web:TrustedProxies:0=proxy.example.org"));

        Assert.Contains("Web:TrustedProxies", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SendAsync(LoopbackBot bot, HttpMethod method, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(new { text = "what's overdue?" });
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await bot.Http.SendAsync(request);
    }
}
