using System.Text.Json.Nodes;
using OversightBot.Core.Replies;

namespace OversightBot.Channels.Slack.BlockKit;

/// <summary>
/// Draws a <see cref="Reply"/> as a Block Kit message: <c>{"text": fallback, "blocks": [...]}</c>. A pure function.
/// Within Slack's limits: a section's text at most 3000 characters, at most 50 blocks, and all text under about
/// 12,000 characters (Slack refuses longer messages without saying why); longer lists end with "N more".
/// The plain <c>text</c> fallback (notifications, screen readers) is always set.
/// </summary>
public static class BlockKitRenderer
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxTotalText = 11_000;
    public const int MaxFallbackText = 3000;
    private const int MaxButtons = 10;

    public static JsonObject Render(Reply reply)
    {
        var blocks = new JsonArray();
        var budget = new Budget();
        Head(reply, blocks, budget);
        var shown = Items(reply, blocks, budget);
        Boards(reply, blocks, budget);
        var notShown = (reply.Items.Count - shown) + Math.Max(0, reply.Total - reply.Items.Count);
        if (notShown > 0)
        {
            blocks.Add(Context($"{notShown} more — say \"more\" to see them."));
        }

        if (Buttons(reply) is { Count: > 0 } buttons)
        {
            blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = buttons });
        }

        return new JsonObject { ["text"] = Fallback(reply), ["blocks"] = blocks };
    }

    private static void Head(Reply reply, JsonArray blocks, Budget budget)
    {
        if (reply.Heading is { Length: > 0 } heading)
        {
            var text = (reply.IsError ? ":warning: " : "") + Mrkdwn.Cut(heading, 150);
            blocks.Add(new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true } });
            budget.Take(text.Length);
        }

        if ((reply.Items.Count == 0 && reply.Boards.Count == 0) || reply.Heading is null)
        {
            var text = Mrkdwn.Cut(Mrkdwn.Escape(reply.Text), MaxSectionText);
            blocks.Add(Section(reply.IsError && reply.Heading is null ? ":warning: " + text : text));
            budget.Take(text.Length);
        }

        if (reply.Facts.Count > 0)
        {
            var fields = new JsonArray();
            foreach (var fact in reply.Facts.Take(10))
            {
                var text = Mrkdwn.Cut($"*{Mrkdwn.Escape(fact.Label)}*\n{Mrkdwn.Escape(fact.Value)}", 2000);
                fields.Add(new JsonObject { ["type"] = "mrkdwn", ["text"] = text });
                budget.Take(text.Length);
            }

            blocks.Add(new JsonObject { ["type"] = "section", ["fields"] = fields });
        }
    }

    /// <summary>One section per item while blocks and text last; returns how many were drawn.</summary>
    private static int Items(Reply reply, JsonArray blocks, Budget budget)
    {
        var shown = 0;
        foreach (var item in reply.Items)
        {
            var text = ItemText(item);
            if (blocks.Count + 3 + reply.Boards.Count > MaxBlocks || !budget.Fits(text.Length + 200))
            {
                break;
            }

            blocks.Add(Section(text));
            budget.Take(text.Length);
            shown++;
        }

        return shown;
    }

    internal static string ItemText(ReplyItem item)
    {
        var state = item.DaysOverdue is { } late ? $"*{(late == 1 ? "1 day late" : $"{late} days late")}*" : Status(item.Status);
        var when = item.Due is { } due ? "due " + Mrkdwn.Date(due) : "no due date";
        var source = $"{item.Source.Document}{(item.Source.Issuer is { Length: > 0 } issuer ? $" ({issuer})" : "")}, {Mrkdwn.Plain(item.Source.Date)}";
        var text = $"*{Mrkdwn.Escape(item.Id)}*  {Mrkdwn.Escape(item.Title)}\n{Mrkdwn.Escape(item.Owner)} · {when} · {state}\n_{Mrkdwn.Escape(source)}_";
        if (item.Note is { Length: > 0 } note)
        {
            text += "\n" + Mrkdwn.Escape(note);
        }

        return Mrkdwn.Cut(text, MaxSectionText);
    }

    private static void Boards(Reply reply, JsonArray blocks, Budget budget)
    {
        foreach (var board in reply.Boards)
        {
            if (blocks.Count + 3 > MaxBlocks)
            {
                break;
            }

            var state = board.Stale ? ":red_circle: *Behind on publication*" : ":large_green_circle: Up to date";
            var lines = new List<string> { $"*{Mrkdwn.Escape(board.Name)}* — {state}" };
            lines.AddRange(board.Reasons.Select(r => "• " + Mrkdwn.Escape(r)));
            lines.AddRange(board.Latest.Select(f => $"{Mrkdwn.Escape(f.Label)}: {Mrkdwn.Escape(f.Value)}"));
            if (board.WebPage is { Length: > 0 } page)
            {
                lines.Add($"<{page.Replace(">", "%3E", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal)}|Board page>");
            }

            var text = Mrkdwn.Cut(string.Join('\n', lines), MaxSectionText);
            if (!budget.Fits(text.Length))
            {
                break;
            }

            blocks.Add(Section(text));
            budget.Take(text.Length);
        }
    }

    private static JsonArray Buttons(Reply reply)
    {
        var buttons = new JsonArray();
        var n = 0;
        foreach (var action in reply.Actions.Take(MaxButtons))
        {
            buttons.Add(SlackActions.Button(action, n, primary: n == 0));
            n++;
        }

        foreach (var followUp in reply.FollowUps.Take(MaxButtons - n))
        {
            buttons.Add(SlackActions.Button(new ReplyAction(followUp, SlackActions.AskVerb, null, followUp), n++));
        }

        return buttons;
    }

    private static string Fallback(Reply reply) => Mrkdwn.Cut(Mrkdwn.Escape(reply.Text), MaxFallbackText);

    private static JsonObject Section(string mrkdwn) =>
        new() { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn } };

    private static JsonObject Context(string mrkdwn) =>
        new() { ["type"] = "context", ["elements"] = new JsonArray { new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn } } };

    private static string Status(string status) => status switch
    {
        "inProgress" => "in progress",
        "open" => "open",
        "done" => "done",
        _ => status,
    };

    private sealed class Budget
    {
        private int _used;

        public bool Fits(int length) => _used + length <= MaxTotalText;

        public void Take(int length) => _used += length;
    }
}
