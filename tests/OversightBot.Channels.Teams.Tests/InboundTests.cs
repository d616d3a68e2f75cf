using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using OversightBot.Channels.Teams.Tests.Fakes;
using OversightBot.Testing;

namespace OversightBot.Channels.Teams.Tests;

/// <summary>/api/messages edge cases in development mode (no app id): methods, sizes, bodies, ignored types, mentions, people.</summary>
public sealed class InboundTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private TeamsBotHost _bot = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = await TeamsBotHost.StartAsync(new Dictionary<string, string?>());
    }

    [Fact]
    public async Task A_GET_is_answered_405_with_an_Allow_header()
    {
        using var res = await _http.GetAsync(_bot.MessagesUrl);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, res.StatusCode);
        Assert.Contains("POST", res.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("{\"type\":\"\"}")]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    public async Task A_body_without_an_activity_type_is_answered_400(string body)
    {
        using var res = await _http.PostAsync(_bot.MessagesUrl, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
    }

    [Fact]
    public async Task A_body_over_256_KB_is_answered_413()
    {
        var activity = Activities.Message(new string('x', 300 * 1024), _connector.ServiceUrl);

        using var res = await _http.PostAsync(_bot.MessagesUrl, new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, res.StatusCode);
    }

    [Theory]
    [InlineData("messageReaction")]
    [InlineData("typing")]
    [InlineData("event")]
    [InlineData("endOfConversation")]
    public async Task Other_activity_types_are_answered_200_and_ignored(string type)
    {
        var activity = Activities.Message("what's overdue?", _connector.ServiceUrl);
        activity["type"] = type;

        using var res = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        await Task.Delay(100);
        Assert.Empty(_connector.Requests);
    }

    [Theory]
    [InlineData("serviceUrl")]
    [InlineData("conversation")]
    public async Task An_activity_without_somewhere_to_answer_is_answered_200_and_ignored(string missing)
    {
        var activity = Activities.Message("what's overdue?", _connector.ServiceUrl);
        activity.Remove(missing);
        activity["value"] = new JsonObject { ["verb"] = "ask", ["value"] = "help" };
        activity["replyToId"] = "card-1";

        using var res = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        await Task.Delay(100);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task The_bots_own_mention_is_stripped_before_the_question_is_understood()
    {
        var activity = Activities.Message("<at>OversightBot</at> what's overdue?", _connector.ServiceUrl);
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>OversightBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = "OversightBot" },
        });

        using var res = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var sent = await _connector.WaitForAsync(r => r.Method == "POST" && r.RawTarget.Contains("/activities", StringComparison.Ordinal));
        var card = sent.Json!["attachments"]![0]!["content"]!.ToJsonString();
        Assert.Contains("overdue", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_time_user_is_linked_to_the_person_with_their_email_and_then_found_by_object_id()
    {
        _connector.Emails[Activities.UserId] = "Colin.Clerk@example.org";

        using var res = await PostAsync(Activities.Message("what's overdue?", _connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var person = await _bot.Store.GetPersonAsync("colin.clerk@example.org", CancellationToken.None);
        Assert.Equal(Activities.UserAad, person!.AccountIn("msteams"));
        var reference = await _bot.Store.FindReferenceByEmailAsync("msteams", "colin.clerk@example.org", CancellationToken.None);
        var address = TeamsAddress.From(reference!);
        Assert.Equal(Activities.PersonalConversation, address!.ConversationId);
        Assert.Equal(_connector.ServiceUrl, address.ServiceUrl);
    }

    [Fact]
    public async Task An_unchanged_conversation_reference_is_not_rewritten_on_every_message()
    {
        using var first = await PostAsync(Activities.Message("help", _connector.ServiceUrl));
        var saved = await _bot.Store.GetReferenceAsync(TeamsReferences.UserKey(Activities.UserAad), CancellationToken.None);
        await Task.Delay(50);

        using var second = await PostAsync(Activities.Message("help", _connector.ServiceUrl));
        var again = await _bot.Store.GetReferenceAsync(TeamsReferences.UserKey(Activities.UserAad), CancellationToken.None);

        Assert.Equal(saved!.UpdatedAt, again!.UpdatedAt);
    }

    [Fact]
    public async Task A_new_service_url_is_saved_on_the_next_message()
    {
        using var first = await PostAsync(Activities.Message("help", _connector.ServiceUrl));
        using var moved = await PostAsync(Activities.Message("help", _connector.ServiceUrl + "/moved"));

        var reference = await _bot.Store.GetReferenceAsync(TeamsReferences.UserKey(Activities.UserAad), CancellationToken.None);
        Assert.Equal(_connector.ServiceUrl + "/moved", TeamsAddress.From(reference!)!.ServiceUrl);
    }

    [Fact]
    public async Task In_development_mode_a_request_from_a_non_loopback_address_gets_401()
    {
        var address = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        if (address is null)
        {
            return; // no non-loopback interface on this machine: nothing to prove here
        }

        await using var exposed = await TeamsBotHost.StartAsync(new Dictionary<string, string?>(), urls: $"http://{address}:{Loopback.FreePort()}");
        using var res = await _http.PostAsync(exposed.MessagesUrl, new StringContent(Activities.Message("help", _connector.ServiceUrl).ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, res.StatusCode);
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
