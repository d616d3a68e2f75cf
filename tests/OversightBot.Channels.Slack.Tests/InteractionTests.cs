using System.Net;
using System.Text.Json.Nodes;
using OversightBot.Channels.Slack.BlockKit;
using OversightBot.Channels.Slack.Tests.Fakes;
using OversightBot.Core.Domain;
using OversightBot.Core.Replies;

namespace OversightBot.Channels.Slack.Tests;

/// <summary>/oversight and the buttons and modals on messages: the same permissions as typing, the message updated.</summary>
public sealed class InteractionTests : IAsyncLifetime
{
    private const string Form = "application/x-www-form-urlencoded";
    private FakeSlack _slack = null!;
    private SlackBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.Emails[SlackWire.User] = "olivia.officer@example.org";
        _slack.Emails[SlackWire.OtherUser] = "fred.finance@example.org";
        _bot = await SlackBotHost.StartAsync(_slack);
    }

    [Fact]
    public async Task The_slash_command_answers_ephemerally_with_blocks()
    {
        using var res = await _bot.PostSignedAsync("/slack/commands", SlackWire.Command("what's overdue?", _slack.ResponseUrl("c1")), Form);

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var body = JsonNode.Parse(await res.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", body["response_type"]!.GetValue<string>());
        Assert.Contains("overdue", body["text"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(body["blocks"]!.AsArray());
    }

    [Fact]
    public async Task A_workspace_not_allowed_gets_a_polite_refusal_and_no_data()
    {
        await using var strict = await SlackBotHost.StartAsync(_slack, new Dictionary<string, string?> { ["Slack:AllowedTeams:0"] = "T-OTHER" });

        using var res = await strict.PostSignedAsync("/slack/commands", SlackWire.Command("what's overdue?", _slack.ResponseUrl("c2")), Form);

        var body = JsonNode.Parse(await res.Content.ReadAsStringAsync())!;
        Assert.Equal(SlackEndpoints.NotAllowedText, body["text"]!.GetValue<string>());
        Assert.Null(body["blocks"]);
    }

    [Fact]
    public async Task Mark_done_pressed_by_the_owner_updates_the_item_and_replaces_the_message()
    {
        var done = ItemActions.All("R-2")[0];

        using var res = await _bot.PostSignedAsync("/slack/interactions", SlackWire.Interaction(SlackWire.ButtonPress(ValueOf(done), "done:0")), Form);

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var update = await _slack.WaitForAsync("chat.update");
        Assert.Equal("1700000000.000300", update.Str("ts"));
        Assert.Equal(SlackWire.Dm, update.Str("channel"));
        Assert.Equal(ItemStatus.Done, (await _bot.Store.GetAsync("R-2", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Mark_done_pressed_by_an_officer_of_another_team_changes_nothing_and_only_they_see_why()
    {
        var done = ItemActions.All("R-2")[0];

        using var res = await _bot.PostSignedAsync("/slack/interactions", SlackWire.Interaction(SlackWire.ButtonPress(ValueOf(done), "done:0", user: SlackWire.OtherUser)), Form);

        var refusal = await _slack.WaitForAsync("chat.postEphemeral");
        Assert.Equal(SlackWire.OtherUser, refusal.Str("user"));
        Assert.Empty(_slack.CallsOf("chat.update"));
        Assert.Equal(ItemStatus.Open, (await _bot.Store.GetAsync("R-2", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Request_new_date_opens_a_modal_with_a_date_picker_and_a_reason()
    {
        var newDate = ItemActions.All("R-2")[2];

        using var res = await _bot.PostSignedAsync("/slack/interactions", SlackWire.Interaction(SlackWire.ButtonPress(ValueOf(newDate), "newdate:2")), Form);

        var opened = await _slack.WaitForAsync("views.open");
        Assert.Equal("trig.2", opened.Str("trigger_id"));
        var blocks = opened.Args["view"]!["blocks"]!.AsArray();
        Assert.Equal(["date", "reason"], blocks.Select(b => b!["block_id"]!.GetValue<string>()));
        Assert.Equal("datepicker", blocks[0]!["element"]!["type"]!.GetValue<string>());
        Assert.Empty(_slack.CallsOf("chat.update"));
    }

    [Fact]
    public async Task A_submitted_new_date_modal_records_the_revision_and_updates_the_message()
    {
        var metadata = new JsonObject { ["c"] = "move R-2 to {date} because {reason}", ["ch"] = SlackWire.Dm, ["ts"] = "1700000000.000300" }.ToJsonString();
        var values = new JsonObject
        {
            ["date"] = new JsonObject { ["date"] = new JsonObject { ["type"] = "datepicker", ["selected_date"] = "2030-06-30" } },
            ["reason"] = new JsonObject { ["reason"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "awaiting the Commissioner's comments" } },
        };

        using var res = await _bot.PostSignedAsync("/slack/interactions", SlackWire.Interaction(SlackWire.Submission(metadata, values)), Form);

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        await _slack.WaitForAsync("chat.update");
        var item = await _bot.Store.GetAsync("R-2", CancellationToken.None);
        Assert.Contains(item!.History, h => h.Note?.Contains("Commissioner", StringComparison.Ordinal) == true || h.To?.Contains("2030", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_modal_sent_without_its_reason_is_answered_with_an_error_under_that_field_and_changes_nothing()
    {
        var metadata = new JsonObject { ["c"] = "move R-2 to {date} because {reason}", ["ch"] = SlackWire.Dm, ["ts"] = "1700000000.000300" }.ToJsonString();
        var values = new JsonObject { ["date"] = new JsonObject { ["date"] = new JsonObject { ["type"] = "datepicker", ["selected_date"] = "2030-06-30" } } };
        var before = (await _bot.Store.GetAsync("R-2", CancellationToken.None))!.History.Count;

        using var res = await _bot.PostSignedAsync("/slack/interactions", SlackWire.Interaction(SlackWire.Submission(metadata, values)), Form);

        var body = JsonNode.Parse(await res.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", body["response_action"]!.GetValue<string>());
        Assert.NotNull(body["errors"]!["reason"]);
        Assert.Equal(before, (await _bot.Store.GetAsync("R-2", CancellationToken.None))!.History.Count);
    }

    private static string ValueOf(ReplyAction action) => SlackActions.Button(action, 0)["value"]!.GetValue<string>();

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }
}
