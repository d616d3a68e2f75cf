using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OversightBot.Channels.Teams.Tests.Fakes;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;
using OversightBot.Testing;

namespace OversightBot.Channels.Teams.Tests;

/// <summary>What the bot sends to a fake Connector on loopback: replies, threads, card updates, proactive messages.</summary>
public sealed class ConnectorTests : IAsyncLifetime
{
    private AuthenticatedBot _stage = null!;

    private FakeIssuer Issuer => _stage.Issuer;

    private FakeConnector Connector => _stage.Connector;

    private TeamsBotHost Bot => _stage.Bot;

    private HttpClient Http => _stage.Http;

    public async Task InitializeAsync() => _stage = await AuthenticatedBot.StartAsync();

    [Fact]
    public async Task A_personal_message_is_answered_with_an_adaptive_card_in_the_same_conversation()
    {
        await PostAsync(Activities.Message("what's overdue?", Connector.ServiceUrl));

        var sent = await Connector.WaitForAsync(r => r.Method == "POST");
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(Activities.PersonalConversation)}/activities", sent.RawTarget);
        var attachment = sent.Json!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.Equal("1.5", attachment["content"]!["version"]!.GetValue<string>());
        Assert.Equal(Activities.UserId, sent.Json!["recipient"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_channel_message_is_answered_in_its_thread()
    {
        const string thread = "19:abc123@thread.tacv2;messageid=1700000000001";
        await PostAsync(Activities.Message("what's overdue?", Connector.ServiceUrl, conversationId: thread, type: "channel"));

        var sent = await Connector.WaitForAsync(r => r.Method == "POST");
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(thread)}/activities/1700000000001", sent.RawTarget);
        Assert.Equal("1700000000001", sent.Json!["replyToId"]!.GetValue<string>());
        var channel = await Bot.Store.GetReferenceAsync(ReferenceKey.ForConversation("msteams", "19:abc123@thread.tacv2"), CancellationToken.None);
        Assert.NotNull(channel);
    }

    [Fact]
    public async Task A_card_button_invoke_is_answered_with_the_updated_card_in_the_response()
    {
        var data = new JsonObject { ["verb"] = "ask", ["value"] = "what's overdue?" };

        using var res = await PostAsync(Activities.Invoke(Connector.ServiceUrl, data));

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var body = JsonNode.Parse(await res.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", body["value"]!["type"]!.GetValue<string>());
        Assert.Empty(Connector.Activities);
    }

    [Fact]
    public async Task An_Action_Submit_from_an_old_client_replaces_the_pressed_card_with_a_PUT()
    {
        var activity = Activities.Message("", Connector.ServiceUrl);
        activity["replyToId"] = "card-7";
        activity["value"] = new JsonObject { ["verb"] = "ask", ["value"] = "help" };

        await PostAsync(activity);

        var put = await Connector.WaitForAsync(r => r.Method == "PUT");
        Assert.EndsWith("/activities/card-7", put.RawTarget, StringComparison.Ordinal);
        Assert.Equal("card-7", put.Json!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_proactive_message_opens_a_1to1_conversation_with_bot_members_and_tenant_then_posts_the_card()
    {
        await SaveReferenceAsync(conversationId: null);
        var sender = Bot.Services.GetRequiredService<TeamsSender>();

        var outcome = await sender.SendAsync(Some.Person(), Nudge(), "nudge:R-1:2023-02-06:0", CancellationToken.None);

        Assert.Equal(SendOutcomeKind.Delivered, outcome.Kind);
        var create = Connector.Requests.Single(r => r.RawTarget == "/v3/conversations");
        var body = create.Json!;
        Assert.False(body["isGroup"]!.GetValue<bool>());
        Assert.Equal(Activities.BotId, body["bot"]!["id"]!.GetValue<string>());
        Assert.Equal(Activities.UserId, body["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(Activities.Tenant, body["tenantId"]!.GetValue<string>());
        Assert.Equal(Activities.Tenant, body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        var post = Connector.Activities.Single();
        Assert.Equal("/v3/conversations/a%3Aproactive-1/activities", post.RawTarget);
        var saved = await Bot.Store.FindReferenceByEmailAsync("msteams", Some.Person().Email, CancellationToken.None);
        Assert.Equal("a:proactive-1", TeamsAddress.From(saved!)!.ConversationId);
    }

    [Fact]
    public async Task An_interactive_reply_throttled_with_a_short_Retry_After_is_retried_inside_the_request()
    {
        Connector.Answer(r => r.Method == "POST", 429, "{\"error\":{\"code\":\"Throttled\"}}", retryAfter: "1");

        await PostAsync(Activities.Message("what's overdue?", Connector.ServiceUrl));

        var replies = await RepliesAsync(2);
        Assert.Equal(2, replies.Count);
        Assert.True(replies[1].At - replies[0].At >= TimeSpan.FromMilliseconds(900), "Retry-After: 1 was not honoured");
    }

    [Fact]
    public async Task A_proactive_send_that_is_throttled_goes_out_once_and_leaves_the_retry_to_the_outbox()
    {
        await SaveReferenceAsync();
        Connector.Answer(r => r.Method == "POST", 429, "{\"error\":{\"code\":\"Throttled\"}}", retryAfter: "1");
        var sender = Bot.Services.GetRequiredService<TeamsSender>();

        var outcome = await sender.SendAsync(Some.Person(), Nudge(), "k1", CancellationToken.None);

        Assert.Equal(SendOutcomeKind.Throttled, outcome.Kind);
        Assert.Equal(TimeSpan.FromSeconds(1), outcome.RetryAfter);
        Assert.Equal(ThrottleScope.Workspace, outcome.Scope);
        Assert.Single(Connector.Activities);
    }

    [Fact]
    public async Task A_429_that_names_the_conversation_holds_only_that_conversation()
    {
        await SaveReferenceAsync();
        Connector.Answer(r => r.Method == "POST", 429, "{\"error\":{\"code\":\"Throttled\",\"message\":\"Too many requests for this thread\"}}", retryAfter: "2");

        var outcome = await Bot.Services.GetRequiredService<TeamsSender>().SendAsync(Some.Person(), Nudge(), "k7", CancellationToken.None);

        Assert.Equal(SendOutcomeKind.Throttled, outcome.Kind);
        Assert.Equal(ThrottleScope.Conversation, outcome.Scope);
    }

    [Fact]
    public async Task A_long_Retry_After_is_reported_as_throttled_for_the_outbox_to_retry_later()
    {
        await SaveReferenceAsync();
        Connector.Answer(r => r.Method == "POST", 412, "", retryAfter: "120");

        var outcome = await Bot.Services.GetRequiredService<TeamsSender>().SendAsync(Some.Person(), Nudge(), "k2", CancellationToken.None);

        Assert.Equal(SendOutcomeKind.Throttled, outcome.Kind);
        Assert.Equal(TimeSpan.FromSeconds(120), outcome.RetryAfter);
        Assert.Single(Connector.Activities);
    }

    [Fact]
    public async Task A_502_on_a_POST_is_not_retried_because_the_message_may_have_been_delivered()
    {
        await SaveReferenceAsync();
        Connector.Answer(r => r.Method == "POST", 502);

        var outcome = await Bot.Services.GetRequiredService<TeamsSender>().SendAsync(Some.Person(), Nudge(), "k3", CancellationToken.None);

        Assert.Equal(SendOutcomeKind.Failed, outcome.Kind);
        Assert.Single(Connector.Activities);
    }

    [Fact]
    public async Task A_403_BotNotInConversationRoster_marks_the_recipient_gone()
    {
        await SaveReferenceAsync();
        Connector.Answer(r => r.Method == "POST", 403, "{\"error\":{\"code\":\"BotNotInConversationRoster\",\"message\":\"The bot is not part of the conversation roster.\"}}");
        var sender = Bot.Services.GetRequiredService<TeamsSender>();

        var outcome = await sender.SendAsync(Some.Person(), Nudge(), "k4", CancellationToken.None);

        Assert.Equal(SendOutcomeKind.RecipientGone, outcome.Kind);
        Assert.False(await sender.CanReachAsync(Some.Person(), CancellationToken.None));
        Assert.Equal(SendOutcomeKind.RecipientGone, (await sender.SendAsync(Some.Person(), Nudge(), "k5", CancellationToken.None)).Kind);
        Assert.Single(Connector.Activities);
    }

    [Fact]
    public async Task No_token_is_sent_to_a_service_url_off_the_allow_list()
    {
        await SaveReferenceAsync(serviceUrl: "https://attacker.example/teams");

        var outcome = await Bot.Services.GetRequiredService<TeamsSender>().SendAsync(Some.Person(), Nudge(), "k6", CancellationToken.None);

        Assert.Equal(SendOutcomeKind.Failed, outcome.Kind);
        Assert.Equal(0, Connector.TokenRequests);
    }

    private async Task<List<RecordedRequest>> RepliesAsync(int count)
    {
        for (var i = 0; i < 100; i++)
        {
            var replies = Connector.Activities.Where(r => r.Method == "POST" && r.Json?["type"]?.GetValue<string>() == "message").ToList();
            if (replies.Count >= count)
            {
                return replies;
            }

            await Task.Delay(50);
        }

        return Connector.Activities.Where(r => r.Method == "POST" && r.Json?["type"]?.GetValue<string>() == "message").ToList();
    }

    private static Reply Nudge() => new()
    {
        Intent = "nudge",
        Heading = "R-1 is due on Mon 6 Feb 2023",
        Text = "R-1 is due on Mon 6 Feb 2023.",
        Actions = [new ReplyAction("Mark done", "done", "R-1", "mark R-1 done")],
    };

    private Task SaveReferenceAsync(string? conversationId = "a:existing-1to1", string? serviceUrl = null) =>
        Bot.Store.SaveReferenceAsync(
            ConversationReference.Create(
                TeamsReferences.UserKey(Activities.UserAad),
                new TeamsAddress
                {
                    ServiceUrl = serviceUrl ?? Connector.ServiceUrl,
                    ConversationId = conversationId,
                    TenantId = Activities.Tenant,
                    BotId = Activities.BotId,
                    UserId = Activities.UserId,
                    AadObjectId = Activities.UserAad,
                }.ToPayload(),
                TimeProvider.System.GetUtcNow(),
                Some.Person().Email),
            CancellationToken.None);

    private Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Bot.MessagesUrl)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Issuer.Token(TeamsBotHost.AppId, activity["serviceUrl"]!.GetValue<string>()));
        return Http.SendAsync(request);
    }

    public async Task DisposeAsync() => await _stage.DisposeAsync();
}
