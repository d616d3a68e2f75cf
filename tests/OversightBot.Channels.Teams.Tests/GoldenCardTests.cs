using System.Text;
using OversightBot.Channels.Teams.Cards;
using OversightBot.Core.Replies;

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

    [Fact]
    public void A_nudge_renders_action_execute_buttons_with_submit_fallback_and_input_forms() =>
        AssertGolden("nudge", new Reply
        {
            Intent = "nudge",
            Heading = "R-1 is due in 3 days",
            Text = "R-1 is due on Mon 6 Feb 2023.",
            Items = [Item("R-1", null) with { Status = "inProgress" }],
            Total = 1,
            Shown = 1,
            Actions =
            [
                new ReplyAction("Mark done", "done", "R-1", "mark R-1 done"),
                new ReplyAction("Add an update", "update", "R-1", "update R-1"),
                new ReplyAction("Ask for a new date", "newdate", "R-1", "new date for R-1"),
                new ReplyAction("Snooze a week", "snooze", "R-1", "snooze R-1 for a week"),
            ],
        });

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
    public void A_button_press_turns_back_into_its_text_command_with_the_form_inputs()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("""{"verb":"newdate","itemId":"R-1","value":"new date for R-1","date":"2023-03-31","reason":"awaiting the Commissioner's reply"}""");

        Assert.Equal("new date for R-1 2023-03-31 awaiting the Commissioner's reply", CardActions.CommandFrom(doc.RootElement));
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
