using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Time.Testing;
using OversightBot.Hosting;
using OversightBot.Testing;
using OversightBot.Web;

namespace OversightBot.Tests;

/// <summary>The web chat through real Kestrel on loopback, on a real LiteDB file with the demo data.</summary>
public sealed class WebChatTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private WebApplication? _app;
    private HttpClient _http = new();

    public async Task InitializeAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2023, 3, 1, 10, 0, 0, TimeSpan.Zero));
        _app = await WebHost.BuildAsync(["--urls", "http://127.0.0.1:0"], new StorageOptions { Path = _folder.File("web.db") }, clock, CancellationToken.None);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    [Fact]
    public async Task Chat_Overdue_RepliesWithTheReplyModel()
    {
        var res = await _http.PostAsJsonAsync("/api/chat", new { text = "what's overdue?" });

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        using var json = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
        var reply = json.RootElement.GetProperty("reply");
        Assert.Equal("overdue", reply.GetProperty("intent").GetString());
        Assert.Contains(reply.GetProperty("items").EnumerateArray(), i => i.GetProperty("due").GetString() == "2023-02-06");
        Assert.Contains("as of Wed 1 Mar 2023", json.RootElement.GetProperty("rendered").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_AsOf_OverridesToday()
    {
        var res = await _http.PostAsJsonAsync("/api/chat", new { text = "what's overdue?", asOf = "2015-01-01" });

        var body = await res.Content.ReadAsStringAsync();
        Assert.Contains("Nothing is overdue", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", HttpStatusCode.BadRequest, "not valid JSON")]
    [InlineData("{}", HttpStatusCode.BadRequest, "non-empty")]
    [InlineData("", HttpStatusCode.BadRequest, "non-empty")]
    [InlineData("{\"text\":\"hi\",\"asOf\":\"2023-02-31\"}", HttpStatusCode.BadRequest, "not a real date")]
    public async Task Chat_BadInput_GetsAClearError(string body, HttpStatusCode status, string message)
    {
        var res = await _http.PostAsync("/api/chat", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, res.StatusCode);
        Assert.Contains(message, await res.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_OversizedBody_Is413()
    {
        var big = JsonSerializer.Serialize(new { text = new string('x', 40_000) });

        var res = await _http.PostAsync("/api/chat", new StringContent(big, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, res.StatusCode);
    }

    [Fact]
    public async Task Page_And_Health_AreServed()
    {
        var page = await _http.GetStringAsync("/");
        var health = await _http.GetFromJsonAsync<JsonElement>("/health");
        var people = await _http.GetFromJsonAsync<JsonElement>("/api/people");

        Assert.Contains("/api/chat", await _http.GetStringAsync("/chat.js"), StringComparison.Ordinal);
        Assert.Contains("OversightBot", page, StringComparison.Ordinal);
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("store").GetProperty("items").GetInt32() > 10);
        Assert.True(people.GetArrayLength() >= 4);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _folder.Dispose();
    }
}
