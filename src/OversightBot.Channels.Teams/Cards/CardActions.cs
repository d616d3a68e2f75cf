using System.Text.Json;
using System.Text.Json.Nodes;
using OversightBot.Core.Replies;

namespace OversightBot.Channels.Teams.Cards;

/// <summary>
/// Buttons on a card and the text command a press turns back into. Every button carries
/// <c>{verb, itemId, value}</c>; <c>value</c> is the action's command (a template when it needs inputs). An
/// action with inputs becomes a ShowCard form built from its typed inputs; the command is filled by the core's
/// <see cref="ActionCommand"/> and run through the same conversation service as typed text, so a press has
/// exactly the permissions of typing it.
/// </summary>
public static class CardActions
{
    public static JsonObject For(ReplyAction action) =>
        action.Inputs.Count == 0 ? Execute(action.Label, action) : Form(action);

    public static JsonObject Execute(string title, ReplyAction action) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = action.Verb,
        ["data"] = Data(action),
        ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = Data(action) },
    };

    private static JsonObject Form(ReplyAction action)
    {
        var body = new JsonArray();
        foreach (var input in action.Inputs)
        {
            body.Add(Input(input));
        }

        return new JsonObject
        {
            ["type"] = "Action.ShowCard",
            ["title"] = action.Label,
            ["card"] = new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["body"] = body,
                ["actions"] = new JsonArray { Execute("Send", action) },
            },
        };
    }

    private static JsonObject Input(ActionInput input)
    {
        var field = input.Kind == ActionInputKind.Date
            ? new JsonObject { ["type"] = "Input.Date", ["id"] = input.Id, ["label"] = input.Label }
            : new JsonObject
            {
                ["type"] = "Input.Text",
                ["id"] = input.Id,
                ["label"] = input.Label,
                ["isMultiline"] = input.Kind == ActionInputKind.LongText,
                ["maxLength"] = ActionCommand.MaxInputLength,
            };
        field["isRequired"] = input.Required;
        field["errorMessage"] = input.Kind == ActionInputKind.Date ? "Choose a date." : "Please fill this in.";
        return field;
    }

    private static JsonObject Data(ReplyAction action)
    {
        var data = new JsonObject { ["verb"] = action.Verb };
        if (action.ItemId is { } id)
        {
            data["itemId"] = id;
        }

        data["value"] = action.Value ?? (action.ItemId is null ? action.Verb : $"{action.Verb} {action.ItemId}");
        return data;
    }

    /// <summary>
    /// The text command a press stands for: <c>data.value</c> (or "verb itemId") with the form's values filled
    /// in; a result naming the missing input when the form was sent incomplete; null when the data carries no command.
    /// </summary>
    public static ActionCommandResult? CommandFrom(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var command = Str(data, "value");
        if (string.IsNullOrWhiteSpace(command))
        {
            var verb = Str(data, "verb");
            command = string.IsNullOrWhiteSpace(verb) ? null : $"{verb} {Str(data, "itemId")}".Trim();
        }

        return command is null ? null : ActionCommand.Fill(command, id => Str(data, id));
    }

    private static string? Str(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
