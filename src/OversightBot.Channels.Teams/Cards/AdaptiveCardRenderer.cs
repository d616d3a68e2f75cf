using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OversightBot.Core.Replies;

namespace OversightBot.Channels.Teams.Cards;

/// <summary>
/// Draws a <see cref="Reply"/> as an Adaptive Card 1.5 (the version Teams renders). A pure function: the same
/// reply always gives the same JSON. Long item lists are cut to fit <c>maxBytes</c> with an "N more" line.
/// </summary>
public static class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const int DefaultMaxBytes = 27 * 1024;
    public const int MaxActions = 6;
    public const string AskVerb = "ask";
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Render(Reply reply, int maxBytes = DefaultMaxBytes)
    {
        var shown = reply.Items.Count;
        var surelySmall = UpperBound(reply) <= maxBytes;
        while (true)
        {
            var card = Build(reply, shown);
            if (shown == 0 || surelySmall || Encoding.UTF8.GetByteCount(card.ToJsonString(Compact)) <= maxBytes)
            {
                return card;
            }

            shown = Math.Max(0, shown - Math.Max(1, shown / 4));
        }
    }

    /// <summary>
    /// A generous bound on the card's size without serializing it: every text up to 4 bytes a character, plus the
    /// fixed structure around each row, board and button. Most replies are far below the budget and skip the measurement.
    /// </summary>
    private static int UpperBound(Reply reply)
    {
        static int T(string? s) => (s?.Length ?? 0) * 4;
        var size = 1024 + T(reply.Heading) + T(reply.Text);
        size += reply.Facts.Sum(f => 128 + T(f.Label) + T(f.Value));
        size += reply.Items.Sum(i => 1024 + T(i.Id) + T(i.Title) + T(i.Owner) + T(i.Note) + T(i.Source.Document) + T(i.Source.Issuer));
        size += reply.Boards.Sum(b => 512 + T(b.Name) + T(b.WebPage) + b.Reasons.Sum(r => 128 + T(r)) + b.Latest.Sum(f => 128 + T(f.Label) + T(f.Value)));
        size += reply.Actions.Sum(a => 1536 + (3 * (T(a.Label) + T(a.Value) + T(a.ItemId) + T(a.Verb))));
        size += reply.FollowUps.Sum(f => 512 + (4 * T(f)));
        return size;
    }

    public static string RenderJson(Reply reply, int maxBytes = DefaultMaxBytes, bool indented = false) =>
        Render(reply, maxBytes).ToJsonString(indented ? Indented : Compact);

    private static JsonObject Build(Reply reply, int shownItems)
    {
        var body = new JsonArray();
        if (reply.Heading is { Length: > 0 } heading)
        {
            body.Add(Text(heading, size: "Large", weight: "Bolder", color: reply.IsError ? "Attention" : null));
        }

        if ((reply.Items.Count == 0 && reply.Boards.Count == 0) || reply.Heading is null)
        {
            body.Add(Text(reply.Text, color: reply.IsError && reply.Heading is null ? "Attention" : null));
        }

        if (reply.Facts.Count > 0)
        {
            body.Add(new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray([.. reply.Facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Label, ["value"] = f.Value })]),
            });
        }

        foreach (var item in reply.Items.Take(shownItems))
        {
            body.Add(ItemRow(item));
        }

        foreach (var board in reply.Boards)
        {
            body.Add(BoardBlock(board));
        }

        var notShown = (reply.Items.Count - shownItems) + Math.Max(0, reply.Total - reply.Items.Count);
        if (notShown > 0)
        {
            body.Add(Text($"{notShown} more — say \"more\" to see them.", isSubtle: true, separator: true));
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        var actions = Actions(reply);
        if (actions.Count > 0)
        {
            card["actions"] = actions;
        }

        return card;
    }

    private static JsonObject ItemRow(ReplyItem item)
    {
        var status = item.DaysOverdue is { } late ? (late == 1 ? "1 day late" : $"{late} days late") : Status(item.Status);
        var when = item.Due is { } due ? "due " + Date(due) : "no due date";
        var details = new JsonArray
        {
            Text(item.Title, weight: "Bolder"),
            Text($"{item.Owner} · {when} · {status}", isSubtle: true, spacing: "None", color: item.DaysOverdue is null ? null : "Attention"),
            Text(Source(item.Source), isSubtle: true, spacing: "None", size: "Small"),
        };
        if (item.Note is { Length: > 0 } note)
        {
            details.Add(Text(note, spacing: "Small"));
        }

        return new JsonObject
        {
            ["type"] = "ColumnSet",
            ["separator"] = true,
            ["columns"] = new JsonArray
            {
                new JsonObject { ["type"] = "Column", ["width"] = "auto", ["items"] = new JsonArray { Text(item.Id, weight: "Bolder") } },
                new JsonObject { ["type"] = "Column", ["width"] = "stretch", ["items"] = details },
            },
        };
    }

    private static JsonObject BoardBlock(ReplyBoard board)
    {
        var items = new JsonArray
        {
            Text(board.Name, weight: "Bolder"),
            Text(board.Stale ? "Behind on publication" : board.Standing switch { "unknown" => "Unknown: nothing on record", "notExpected" => "Not expected to publish", _ => "Up to date" }, isSubtle: !board.Stale, spacing: "None", color: board.Stale ? "Attention" : "Good"),
        };
        foreach (var reason in board.Reasons)
        {
            items.Add(Text("• " + reason, spacing: "None"));
        }

        if (board.Latest.Count > 0)
        {
            items.Add(new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray([.. board.Latest.Select(f => (JsonNode)new JsonObject { ["title"] = f.Label, ["value"] = f.Value })]),
            });
        }

        var container = new JsonObject { ["type"] = "Container", ["separator"] = true, ["items"] = items };
        if (board.WebPage is { Length: > 0 } page)
        {
            container["selectAction"] = new JsonObject { ["type"] = "Action.OpenUrl", ["url"] = page };
        }

        return container;
    }

    private static JsonArray Actions(Reply reply)
    {
        var actions = new JsonArray();
        foreach (var action in reply.Actions.Take(MaxActions))
        {
            actions.Add(CardActions.For(action));
        }

        foreach (var followUp in reply.FollowUps.Take(MaxActions - actions.Count))
        {
            actions.Add(CardActions.Execute(followUp, new ReplyAction(followUp, AskVerb, null, followUp)));
        }

        return actions;
    }

    internal static JsonObject Text(
        string text, string? size = null, string? weight = null, string? color = null, bool isSubtle = false, string? spacing = null, bool separator = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null)
        {
            block["size"] = size;
        }

        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (color is not null)
        {
            block["color"] = color;
        }

        if (isSubtle)
        {
            block["isSubtle"] = true;
        }

        if (spacing is not null)
        {
            block["spacing"] = spacing;
        }

        if (separator)
        {
            block["separator"] = true;
        }

        return block;
    }

    private static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", British);

    private static string Source(ReplySource source) =>
        $"{source.Document}{(source.Issuer is { Length: > 0 } issuer ? " (" + issuer + ")" : "")}, {Date(source.Date)}";

    private static string Status(string status) => status switch
    {
        "inProgress" => "in progress",
        "notAccepted" => "not accepted",
        _ => status,
    };
}
