using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OversightBot.Core.Replies;

namespace OversightBot.Channels.Teams.Cards;

/// <summary>
/// Buttons on a card and the text command a press turns back into. Every button carries
/// <c>{verb, itemId, value}</c>; <c>value</c> is the text command, run through the same conversation service
/// as typed text so a press has exactly the permissions of typing it.
/// </summary>
public static class CardActions
{
    /// <summary>Inputs a button may collect (ShowCard forms); appended to the command in this order.</summary>
    public static readonly string[] InputIds = ["date", "note", "reason"];

    public static JsonObject For(ReplyAction action) => action.Verb switch
    {
        "update" or "note" => Form(action, Input("note", "What has happened?", multiline: true)),
        "newdate" or "new-date" or "reschedule" => Form(
            action,
            new JsonObject { ["type"] = "Input.Date", ["id"] = "date", ["label"] = "New date", ["isRequired"] = true, ["errorMessage"] = "Choose a date." },
            Input("reason", "Why?", multiline: false)),
        _ => Execute(action.Label, action),
    };

    public static JsonObject Execute(string title, ReplyAction action) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = action.Verb,
        ["data"] = Data(action),
        ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = Data(action) },
    };

    private static JsonObject Form(ReplyAction action, params JsonObject[] inputs)
    {
        var body = new JsonArray();
        foreach (var input in inputs)
        {
            body.Add(input);
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

    private static JsonObject Input(string id, string label, bool multiline) => new()
    {
        ["type"] = "Input.Text",
        ["id"] = id,
        ["label"] = label,
        ["isMultiline"] = multiline,
        ["isRequired"] = true,
        ["errorMessage"] = "Please fill this in.",
    };

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
    /// The text command a press stands for: <c>data.value</c> (or "verb itemId"), followed by any inputs the form
    /// collected. Null when the data carries no command.
    /// </summary>
    public static string? CommandFrom(JsonElement data)
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

        if (command is null)
        {
            return null;
        }

        var sb = new StringBuilder(command.Trim());
        foreach (var id in InputIds)
        {
            if (Str(data, id) is { Length: > 0 } input)
            {
                sb.Append(' ').Append(input.Trim());
            }
        }

        return sb.ToString();
    }

    private static string? Str(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
