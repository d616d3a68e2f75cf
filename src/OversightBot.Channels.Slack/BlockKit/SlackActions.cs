using System.Text.Json;
using System.Text.Json.Nodes;
using OversightBot.Core.Replies;

namespace OversightBot.Channels.Slack.BlockKit;

/// <summary>What a Slack button carries back: its command (a template when it needs a form) and the item.</summary>
public sealed record PressedAction(string Verb, string? ItemId, string Command)
{
    /// <summary>True when the command has inputs to collect first (a modal).</summary>
    public bool NeedsForm => ActionCommand.NeedsOf(Command).Count > 0;
}

/// <summary>
/// Buttons in Block Kit: <c>action_id</c> = "{verb}:{n}" (unique in a message), <c>value</c> = compact JSON
/// <c>{"v":verb,"i":item,"c":command}</c> (Slack allows 2000 characters). The press is run by the same
/// conversation service as typed text.
/// </summary>
public static class SlackActions
{
    public const int MaxValueLength = 2000;
    public const string AskVerb = "ask";

    public static JsonObject Button(ReplyAction action, int index, bool primary = false)
    {
        var value = new JsonObject { ["v"] = action.Verb, ["c"] = action.Value ?? (action.ItemId is null ? action.Verb : $"{action.Verb} {action.ItemId}") };
        if (action.ItemId is { } id)
        {
            value["i"] = id;
        }

        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = $"{action.Verb}:{index}",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Mrkdwn.Cut(action.Label, 75), ["emoji"] = false },
            ["value"] = Mrkdwn.Cut(value.ToJsonString(), MaxValueLength),
        };
        if (primary)
        {
            button["style"] = "primary";
        }

        return button;
    }

    /// <summary>Reads a button's value back; null when it is not one of ours.</summary>
    public static PressedAction? Read(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxValueLength)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(value);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("c", out var c) || c.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var verb = root.TryGetProperty("v", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : AskVerb;
            var item = root.TryGetProperty("i", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            return string.IsNullOrWhiteSpace(c.GetString()) ? null : new PressedAction(verb, item, c.GetString()!);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
