using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OversightBot.Channels.Teams.Tests.Fakes;

namespace OversightBot.Channels.Teams.Tests;

/// <summary>Answers that take a while: a typing indicator first; a button press past the invoke budget finishes later.</summary>
public sealed class SlowWorkTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private TeamsBotHost _bot = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        var settings = new Dictionary<string, string?> { ["Teams:TypingAfter"] = "00:00:00.050", ["Teams:InvokeBudget"] = "00:00:00.100" };
        _bot = await TeamsBotHost.StartAsync(settings, items: store => new SlowItemStore(store, TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task A_slow_answer_is_preceded_by_a_typing_indicator()
    {
        using var res = await PostAsync(Activities.Message("what's overdue?", _connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var types = _connector.Activities.Select(r => r.Json!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["typing", "message"], types);
    }

    [Fact]
    public async Task A_button_press_past_the_invoke_budget_answers_at_once_and_then_replaces_the_card()
    {
        var data = new JsonObject { ["verb"] = "ask", ["value"] = "what's overdue?" };

        using var res = await PostAsync(Activities.Invoke(_connector.ServiceUrl, data, replyToId: "card-42"));

        var body = JsonNode.Parse(await res.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        var put = await _connector.WaitForAsync(r => r.Method == "PUT");
        Assert.EndsWith("/activities/card-42", put.RawTarget, StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.adaptive", put.Json!["attachments"]![0]!["contentType"]!.GetValue<string>());
    }

    private Task<HttpResponseMessage> PostAsync(JsonObject activity) =>
        _http.PostAsync(_bot.MessagesUrl, new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }
}
