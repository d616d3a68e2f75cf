using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OversightBot.Channels.Slack.BlockKit;
using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;
using OversightBot.Core.Handlers;
using OversightBot.Core.Language;
using OversightBot.Core.Proactive;
using OversightBot.Core.Replies;
using OversightBot.Testing;

namespace OversightBot.Channels.Slack.Tests;

/// <summary>
/// The Block Kit message for each kind of reply, rendered from the real handlers' and planner's replies and compared
/// with Golden/*.json. To accept a deliberate change, run with OVERSIGHTBOT_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class GoldenBlockKitTests
{
    private static readonly DateOnly Today = new(2023, 3, 1);
    private static readonly Person Clerk = Some.Person("colin.clerk@example.org", Role.Clerk, team: null);

    [Theory]
    [InlineData("overdue", "what's overdue?")]
    [InlineData("status", "status of R-1")]
    [InlineData("boards", "which boards are behind?")]
    [InlineData("help", "help")]
    [InlineData("refusal", "mark R-9 done")]
    public async Task A_reply_renders_as_its_golden_message(string name, string question) =>
        AssertGolden(name, await AskAsync(question));

    [Fact]
    public void A_nudge_renders_as_its_golden_message_with_the_item_buttons() =>
        AssertGolden("nudge", NudgeMessages.Nudge(Some.Item("R-1", due: new DateOnly(2023, 2, 6)), new DateOnly(2023, 2, 6), new DateOnly(2023, 2, 3), Some.Person()));

    [Fact]
    public void Text_is_escaped_dates_carry_a_fallback_and_the_plain_text_is_always_set()
    {
        var reply = new Reply
        {
            Intent = "status",
            Heading = "R-1 — <b>bold</b> & co",
            Text = "R-1 <script> & more",
            Items = [ReplyItems.From(Some.Item("R-1", due: new DateOnly(2023, 2, 6), title: "Fish & chips <now>"), Today)],
            Total = 1,
            Shown = 1,
        };

        var json = BlockKitRenderer.Render(reply).ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.Contains("Fish &amp; chips &lt;now&gt;", json, StringComparison.Ordinal);
        Assert.Contains("<!date^1675684800^{date_short_pretty}|Mon 6 Feb 2023>", json, StringComparison.Ordinal);
        Assert.Equal("R-1 &lt;script&gt; &amp; more", BlockKitRenderer.Render(reply)["text"]!.GetValue<string>());
    }

    [Fact]
    public void A_long_list_stays_within_fifty_blocks_and_twelve_thousand_characters_and_says_how_many_more()
    {
        var items = Enumerable.Range(1, 300).Select(i => ReplyItems.From(Some.Item($"R-{i}", due: Today.AddDays(-i), title: new string('t', 400)), Today)).ToList();
        var reply = new Reply { Intent = "overdue", Heading = "300 items are overdue", Text = new string('x', 5000), Items = items, Total = 320, Shown = 300, Actions = ItemActions.All("R-1") };

        var message = BlockKitRenderer.Render(reply);
        var blocks = message["blocks"]!.AsArray();

        Assert.InRange(blocks.Count, 3, BlockKitRenderer.MaxBlocks);
        Assert.True(TextLength(blocks) <= 12_000, $"{TextLength(blocks)} characters");
        Assert.All(blocks, b => Assert.True((b!["text"]?["text"]?.GetValue<string>().Length ?? 0) <= BlockKitRenderer.MaxSectionText));
        var shown = blocks.Count(b => b!["type"]!.GetValue<string>() == "section" && b["text"]!["text"]!.GetValue<string>().StartsWith("*R-", StringComparison.Ordinal));
        Assert.Contains($"{320 - shown} more", message.ToJsonString(), StringComparison.Ordinal);
        Assert.True(message["text"]!.GetValue<string>().Length <= BlockKitRenderer.MaxFallbackText);
        Assert.Equal("actions", blocks[^1]!["type"]!.GetValue<string>());
    }

    private static int TextLength(JsonArray blocks) => blocks.Sum(b => Texts(b!).Sum(t => t.Length));

    private static IEnumerable<string> Texts(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "text" && p.Value is JsonValue v ? [v.GetValue<string>()] : p.Value is null ? [] : Texts(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Texts(n)),
        _ => [],
    };

    private static async Task<Reply> AskAsync(string question)
    {
        var store = new FakeStore(
            [Some.Item("R-1", due: new DateOnly(2023, 2, 6)), Some.Item("R-2", due: new DateOnly(2023, 2, 27), status: ItemStatus.InProgress), Some.Item("R-3", due: new DateOnly(2023, 5, 1))],
            [Some.Board()],
            [Clerk]);
        var clock = new FakeTimeProvider(new DateTimeOffset(2023, 3, 1, 10, 0, 0, TimeSpan.Zero));
        using var conversation = new ConversationService(new IntentRecognizer(), store, store, store, clock);
        return await conversation.HandleAsync(new InboundMessage { Channel = "slack", Text = question, Asker = Clerk, AsOf = Today }, CancellationToken.None);
    }

    private static void AssertGolden(string name, Reply reply)
    {
        var actual = BlockKitRenderer.Render(reply).ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }).ReplaceLineEndings("\n") + "\n";
        var source = Path.Combine(SourceFolder(), "Golden", name + ".json");
        if (Environment.GetEnvironmentVariable("OVERSIGHTBOT_UPDATE_GOLDEN") == "1" || !File.Exists(source))
        {
            File.WriteAllText(source, actual);
        }

        Assert.Equal(File.ReadAllText(source).ReplaceLineEndings("\n"), actual);
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
