using System.Text;
using OversightBot.Channels.Teams.Cards;
using Microsoft.Extensions.Time.Testing;
using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;
using OversightBot.Core.Language;
using OversightBot.Core.Proactive;
using OversightBot.Core.Replies;
using OversightBot.Testing;

namespace OversightBot.Channels.Teams.Tests;

/// <summary>
/// The Adaptive Card for each kind of reply, compared with the JSON files under Golden/. To accept a deliberate
/// change, run the tests with OVERSIGHTBOT_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class GoldenCardTests
{
    private static readonly ReplySource Letter = new("Police and Crime Committee letter", new DateOnly(2023, 1, 9), "Police and Crime Committee", "https://example.org/letter.pdf", "within four weeks");

    [Fact]
    public void An_overdue_list_renders_rows_with_owner_due_date_days_late_and_source() =>
        AssertGolden("overdue", new Reply
        {
            Intent = "overdue",
            Heading = "2 items are overdue",
            Text = "2 items are overdue as of Wed 1 Mar 2023.",
            Items = [Item("R-1", 23), Item("R-2", 1) with { Owner = "Commissioning and Partnerships", Note = "Update promised for March." }],
            Total = 2,
            Shown = 2,
            FollowUps = ["what's due this week?", "status R-1"],
        });

    /// <summary>The planner's own nudge to the item's owner (not a reply built for the test).</summary>
    [Fact]
    public void A_nudge_renders_action_execute_buttons_with_submit_fallback_and_input_forms() =>
        AssertGolden("nudge", NudgeMessages.Nudge(
            Some.Item("R-1", due: new DateOnly(2023, 2, 6), status: ItemStatus.InProgress), new DateOnly(2023, 2, 6), new DateOnly(2023, 2, 3), Some.Person()));

    /// <summary>The status handler's reply to a clerk, through the real conversation service.</summary>
    [Fact]
    public async Task A_status_reply_renders_the_item_s_facts_and_the_same_buttons_as_a_nudge()
    {
        var reply = await StatusAsync(Some.Person("colin.clerk@example.org", Role.Clerk, team: null));

        AssertGolden("status", reply);
        Assert.Equal(NudgeMessages.Nudge(Some.Item("R-1", due: new DateOnly(2023, 2, 6)), new DateOnly(2023, 2, 6), new DateOnly(2023, 2, 3), Some.Person()).Actions, reply.Actions);
    }

    [Fact]
    public async Task A_status_reply_to_an_officer_of_another_team_has_no_buttons()
    {
        var reply = await StatusAsync(Some.Person("fred.finance@example.org", team: "Finance"));

        Assert.Empty(reply.Actions);
        Assert.DoesNotContain("Action.", AdaptiveCardRenderer.RenderJson(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void The_new_date_form_has_a_date_picker_and_a_reason_and_sends_a_complete_command()
    {
        var card = AdaptiveCardRenderer.RenderJson(NudgeMessages.Nudge(Some.Item("R-1", due: new DateOnly(2023, 2, 6)), new DateOnly(2023, 2, 6), new DateOnly(2023, 2, 3), Some.Person()));

        Assert.Contains("\"type\":\"Input.Date\",\"id\":\"date\"", card, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"reason\"", card, StringComparison.Ordinal);
        using var pressed = System.Text.Json.JsonDocument.Parse("""{"verb":"newdate","itemId":"R-1","value":"move R-1 to {date} because {reason}","date":"2023-03-31","reason":"awaiting the Commissioner's reply"}""");
        Assert.Equal("move R-1 to 2023-03-31 because awaiting the Commissioner's reply", CardActions.CommandFrom(pressed.RootElement)?.Command);
    }

    [Fact]
    public void A_boards_reply_renders_staleness_reasons_and_latest_publications() =>
        AssertGolden("boards", new Reply
        {
            Intent = "boards",
            Heading = "1 of 2 boards is behind on publication",
            Text = "1 of 2 boards is behind on publication.",
            Facts = [new ReplyFact("As of", "Wed 1 Mar 2023")],
            Boards =
            [
                new ReplyBoard
                {
                    Id = "lcrb",
                    Name = "London Crime Reduction Board",
                    Stale = true,
                    Reasons = ["Minutes of 12 Oct 2022 missing past the 42-day window"],
                    Latest = [new ReplyFact("Minutes", "Thu 14 Jul 2022")],
                    WebPage = "https://example.org/lcrb",
                },
                new ReplyBoard { Id = "vawg", Name = "VAWG Board", Latest = [new ReplyFact("Papers", "Mon 6 Feb 2023")] },
            ],
        });

    [Fact]
    public void An_error_renders_its_text_in_attention_colour() =>
        AssertGolden("error", new Reply
        {
            Intent = "update",
            Text = "Only the owner's team or a clerk can change R-3, so I changed nothing.",
            IsError = true,
            FollowUps = ["status R-3"],
        });

    [Fact]
    public void A_long_list_is_cut_to_the_card_budget_and_says_how_many_more()
    {
        var items = Enumerable.Range(1, 120).Select(i => Item($"R-{i}", i) with { Title = new string('t', 300) }).ToList();
        var reply = new Reply { Intent = "overdue", Heading = "150 items are overdue", Text = "150 items are overdue.", Items = items, Total = 150, Shown = 120 };

        var json = AdaptiveCardRenderer.RenderJson(reply);

        Assert.True(Encoding.UTF8.GetByteCount(json) <= AdaptiveCardRenderer.DefaultMaxBytes, $"card is {json.Length} bytes");
        var shown = json.Split("\"type\":\"ColumnSet\"").Length - 1;
        Assert.InRange(shown, 10, 119);
        Assert.Contains($"{150 - shown} more", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_press_on_a_card_sent_before_actions_were_typed_still_appends_the_form_inputs()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("""{"verb":"revise","itemId":"R-1","value":"move R-1 to ","date":"2023-03-31","reason":"because awaiting the Commissioner's reply"}""");

        Assert.Equal("move R-1 to 2023-03-31 because awaiting the Commissioner's reply", CardActions.CommandFrom(doc.RootElement)?.Command);
    }

    [Fact]
    public void A_form_sent_without_its_date_runs_nothing_and_says_what_is_missing()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("""{"verb":"newdate","itemId":"R-1","value":"move R-1 to {date} because {reason}","reason":"late"}""");

        Assert.Equal(new ActionCommandResult(null, "New date"), CardActions.CommandFrom(doc.RootElement));
    }

    private static async Task<Reply> StatusAsync(Person asker)
    {
        var store = new FakeStore([Some.Item("R-1", due: new DateOnly(2023, 2, 6))], [], [asker]);
        var clock = new FakeTimeProvider(new DateTimeOffset(2023, 2, 3, 10, 0, 0, TimeSpan.Zero));
        using var conversation = new ConversationService(new IntentRecognizer(), store, store, store, clock);
        return await conversation.HandleAsync(new InboundMessage { Channel = "msteams", Text = "status of R-1", Asker = asker }, CancellationToken.None);
    }

    private static ReplyItem Item(string id, int? daysLate) => new()
    {
        Id = id,
        Kind = "recommendation",
        Title = $"Publish the partnership boards' minutes ({id})",
        Owner = "Strategy and MPS Oversight Directorate",
        Due = new DateOnly(2023, 2, 6),
        Status = "open",
        DaysOverdue = daysLate,
        Source = Letter,
    };

    private static void AssertGolden(string name, Reply reply)
    {
        var actual = AdaptiveCardRenderer.RenderJson(reply, indented: true).ReplaceLineEndings("\n") + "\n";
        var source = Path.Combine(SourceFolder(), "Golden", name + ".json");
        if (Environment.GetEnvironmentVariable("OVERSIGHTBOT_UPDATE_GOLDEN") == "1" || !File.Exists(source))
        {
            File.WriteAllText(source, actual);
        }

        Assert.Equal(File.ReadAllText(source).ReplaceLineEndings("\n"), actual);
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
