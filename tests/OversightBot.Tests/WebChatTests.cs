using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OversightBot.Tests;

/// <summary>The web chat through real Kestrel on loopback, on a real LiteDB file with the demo data.</summary>
public sealed class WebChatTests : IAsyncLifetime
{
    private LoopbackBot _bot = null!;

    private HttpClient Http => _bot.Http;

    public async Task InitializeAsync()
    {
        _bot = await LoopbackBot.StartAsync(new DateTimeOffset(2023, 3, 1, 10, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Chat_Overdue_RepliesWithTheReplyModel()
    {
        var res = await Http.PostAsJsonAsync("/api/chat", new { text = "what's overdue?" });

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
        var res = await Http.PostAsJsonAsync("/api/chat", new { text = "what's overdue?", asOf = "2015-01-01" });

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
        var res = await Http.PostAsync("/api/chat", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, res.StatusCode);
        Assert.Contains(message, await res.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_OversizedBody_Is413()
    {
        var big = JsonSerializer.Serialize(new { text = new string('x', 40_000) });

        var res = await Http.PostAsync("/api/chat", new StringContent(big, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, res.StatusCode);
    }

    [Fact]
    public async Task Page_And_Health_AreServed()
    {
        var page = await Http.GetStringAsync("/");
        var health = await Http.GetFromJsonAsync<JsonElement>("/health");
        var people = await Http.GetFromJsonAsync<JsonElement>("/api/people");

        Assert.Contains("/api/chat", await Http.GetStringAsync("/chat.js"), StringComparison.Ordinal);
        Assert.Contains("OversightBot", page, StringComparison.Ordinal);
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("store").GetProperty("items").GetInt32() > 10);
        Assert.True(people.GetArrayLength() >= 4);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();
}
