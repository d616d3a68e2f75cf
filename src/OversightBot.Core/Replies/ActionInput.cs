using System.Text.Json.Serialization;

namespace OversightBot.Core.Replies;

/// <summary>Written by name in JSON ("Text", "LongText", "Date"): the web chat and stored messages read it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActionInputKind>))]
public enum ActionInputKind
{
    /// <summary>One line of text.</summary>
    Text,
    /// <summary>Several lines of text (a progress note).</summary>
    LongText,
    /// <summary>A calendar date, sent as ISO <c>YYYY-MM-DD</c> (Teams' Input.Date, Slack's datepicker, HTML's date input).</summary>
    Date,
}

/// <summary>One field of an action's form: its id (the placeholder in the command template), label and kind.</summary>
public sealed record ActionInput(string Id, string Label, ActionInputKind Kind, bool Required = true)
{
    public static ActionInput Note { get; } = new("note", "What has happened?", ActionInputKind.LongText);
    public static ActionInput Date { get; } = new("date", "New date", ActionInputKind.Date);
    public static ActionInput Reason { get; } = new("reason", "Why?", ActionInputKind.Text);
}
