using System.Text.Json;
using System.Text.Json.Nodes;
using OversightBot.Channels.Slack.BlockKit;
using OversightBot.Core.Replies;

namespace OversightBot.Channels.Slack;

/// <summary>
/// Modals for actions that need input (add an update, request a new date): one input block per typed input
/// (a date picker for dates), the command template and the original message kept in <c>private_metadata</c>.
/// </summary>
public static class SlackForms
{
    public const string CallbackId = "oversight_action";

    public static JsonObject Modal(PressedAction pressed, string title, string? channel, string? messageTs)
    {
        var blocks = new JsonArray();
        foreach (var input in ActionCommand.NeedsOf(pressed.Command))
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = input.Id,
                ["label"] = new JsonObject { ["type"] = "plain_text", ["text"] = input.Label },
                ["optional"] = !input.Required,
                ["element"] = Element(input),
            });
        }

        var metadata = new JsonObject { ["c"] = pressed.Command, ["ch"] = channel, ["ts"] = messageTs };
        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = CallbackId,
            ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = Mrkdwn.Cut(title, 24) },
            ["submit"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Send" },
            ["close"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Cancel" },
            ["private_metadata"] = metadata.ToJsonString(),
            ["blocks"] = blocks,
        };
    }

    private static JsonObject Element(ActionInput input) => input.Kind switch
    {
        ActionInputKind.Date => new JsonObject { ["type"] = "datepicker", ["action_id"] = input.Id },
        _ => new JsonObject
        {
            ["type"] = "plain_text_input",
            ["action_id"] = input.Id,
            ["multiline"] = input.Kind == ActionInputKind.LongText,
            ["max_length"] = ActionCommand.MaxInputLength,
        },
    };

    /// <summary>What a submitted modal holds: the template, the original message, and each input's value.</summary>
    public sealed record Submission(string Template, string? Channel, string? MessageTs, IReadOnlyDictionary<string, string> Values);

    public static Submission? Read(JsonElement view)
    {
        if (view.Str("callback_id") != CallbackId || view.Str("private_metadata") is not { } raw)
        {
            return null;
        }

        using var meta = SlackPayloads.ParseObject(System.Text.Encoding.UTF8.GetBytes(raw));
        if (meta?.RootElement.Str("c") is not { } template)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (view.Obj("state")?.Obj("values") is { } state)
        {
            foreach (var block in state.EnumerateObject())
            {
                foreach (var element in block.Value.EnumerateObject())
                {
                    if ((element.Value.Str("value") ?? element.Value.Str("selected_date")) is { } value)
                    {
                        values[block.Name] = value;
                    }
                }
            }
        }

        return new Submission(template, meta.RootElement.Str("ch"), meta.RootElement.Str("ts"), values);
    }

    /// <summary>The modal's answer when an input is missing: Slack shows the message under that block.</summary>
    public static JsonObject Errors(string inputId, string message) =>
        new() { ["response_action"] = "errors", ["errors"] = new JsonObject { [inputId] = message } };

}
