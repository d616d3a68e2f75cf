using Microsoft.Extensions.Time.Testing;
using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;
using OversightBot.Core.Language;
using OversightBot.Core.Proactive;
using OversightBot.Core.Replies;
using OversightBot.Testing;

namespace OversightBot.Core.Tests.Replies;

/// <summary>The one set of item buttons: who is offered them, what their forms need, and that each filled command works.</summary>
public sealed class ItemActionsTests
{
    private static readonly DateOnly Today = Some.Date(2023, 2, 1);
    private static readonly Person Clerk = Some.Person("colin.clerk@example.org", Role.Clerk, team: null);
    private static readonly Person Owner = Some.Person("olivia.officer@example.org");
    private static readonly Person Stranger = Some.Person("fred.finance@example.org", team: "Finance");

    [Fact]
    public void An_open_item_offers_its_owner_all_four_actions_and_the_ones_needing_input_name_their_fields()
    {
        var actions = ItemActions.For(Some.Item("R-1", due: Today), Owner);

        Assert.Equal([ItemVerbs.Done, ItemVerbs.Update, ItemVerbs.NewDate, ItemVerbs.Snooze], actions.Select(a => a.Verb));
        Assert.Equal(["note"], actions[1].Inputs.Select(i => i.Id));
        Assert.Equal([ActionInputKind.Date, ActionInputKind.Text], actions[2].Inputs.Select(i => i.Kind));
        Assert.Empty(actions[0].Inputs);
    }

    [Fact]
    public void No_action_is_offered_to_an_officer_of_another_team_to_an_unknown_person_or_on_a_closed_item()
    {
        Assert.Empty(ItemActions.For(Some.Item("R-1", due: Today), Stranger));
        Assert.Empty(ItemActions.For(Some.Item("R-1", due: Today), null));
        Assert.Empty(ItemActions.For(Some.Item("R-1", due: Today, status: ItemStatus.Done), Clerk));
        Assert.NotEmpty(ItemActions.For(Some.Item("R-1", due: Today), Clerk));
    }

    [Fact]
    public void A_nudge_and_a_status_reply_carry_the_same_actions()
    {
        var item = Some.Item("R-1", due: Today);
        var nudge = NudgeMessages.Nudge(item, Today, Today, Owner);

        Assert.Equal(ItemActions.For(item, Owner), nudge.Actions);
        Assert.Empty(NudgeMessages.Escalation(item, Today, Today.AddDays(20), null).Actions);
    }

    [Fact]
    public void A_form_sent_without_a_required_field_names_it_instead_of_making_a_half_command()
    {
        var newDate = ItemActions.All("R-1")[2];

        var result = ActionCommand.Fill(newDate, id => id == "date" ? "2023-03-31" : null);

        Assert.False(result.Ok);
        Assert.Equal("Why?", result.Missing);
        Assert.Equal("New date", ActionCommand.Fill(newDate, id => id == "date" ? "31st" : "because").Missing);
    }

    [Fact]
    public void A_value_is_filled_once_and_never_read_as_a_placeholder()
    {
        var update = ItemActions.All("R-1")[1];

        var result = ActionCommand.Fill(update, _ => "line one\nsee {reason}");

        Assert.Equal("note on R-1: line one see {reason}", result.Command);
    }

    [Theory]
    [InlineData(ItemVerbs.Done, "update", "done")]
    [InlineData(ItemVerbs.Update, "update", "note added")]
    [InlineData(ItemVerbs.NewDate, "update", "31 Mar 2023")]
    [InlineData(ItemVerbs.Snooze, "snooze", "8 Feb 2023")]
    public async Task Every_filled_action_command_is_understood_and_changes_the_item(string verb, string intent, string said)
    {
        var store = new FakeStore([Some.Item("R-1", due: Today.AddDays(3))], [], [Clerk]);
        var clock = new FakeTimeProvider(new DateTimeOffset(2023, 2, 1, 10, 0, 0, TimeSpan.Zero));
        using var conversation = new ConversationService(new IntentRecognizer(), store, store, store, clock);
        var action = ItemActions.All("R-1").Single(a => a.Verb == verb);
        var inputs = new Dictionary<string, string> { ["note"] = "awaiting the Commissioner's comments", ["date"] = "2023-03-31", ["reason"] = "the report moved" };

        var command = ActionCommand.Fill(action, id => inputs.GetValueOrDefault(id)).Command!;
        var reply = await conversation.HandleAsync(new InboundMessage { Channel = "test", Text = command, Asker = Clerk, AsOf = Today }, CancellationToken.None);

        Assert.False(reply.IsError, $"\"{command}\" was refused: {reply.Text}");
        Assert.Equal(intent, reply.Intent);
        Assert.Contains(said, PlainTextRenderer.Render(reply), StringComparison.OrdinalIgnoreCase);
        var history = (await store.GetAsync("R-1", CancellationToken.None))!.History;
        Assert.NotEmpty(history);
        if (verb == ItemVerbs.Update)
        {
            Assert.Equal("awaiting the Commissioner's comments", history[^1].Note);
        }
    }
}
