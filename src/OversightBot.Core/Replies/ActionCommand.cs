using System.Globalization;
using System.Text;

namespace OversightBot.Core.Replies;

/// <summary>The text command a pressed button stands for, or why it cannot be sent yet.</summary>
public sealed record ActionCommandResult(string? Command, string? Missing)
{
    public bool Ok => Command is not null;
}

/// <summary>
/// Turns a pressed action and the values its form collected into the text command it stands for, which every
/// channel runs through the same conversation service as typed text (so a press has exactly the permissions
/// of typing it).
/// </summary>
public static class ActionCommand
{
    /// <summary>Longest value taken from one form field.</summary>
    public const int MaxInputLength = 2000;

    /// <summary>
    /// Fills <paramref name="template"/>'s <c>{id}</c> placeholders from <paramref name="inputs"/> (one pass: a
    /// value is never read as a placeholder). A required input that is empty, or a date that is not ISO, makes the
    /// result name what is missing instead of a half command.
    /// </summary>
    public static ActionCommandResult Fill(string template, IReadOnlyList<ActionInput> needs, Func<string, string?> inputs)
    {
        foreach (var need in needs)
        {
            if (need.Required && string.IsNullOrWhiteSpace(inputs(need.Id)))
            {
                return new ActionCommandResult(null, need.Label);
            }

            if (need.Kind == ActionInputKind.Date && inputs(need.Id) is { Length: > 0 } date
                && !DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return new ActionCommandResult(null, need.Label);
            }
        }

        return new ActionCommandResult(Substitute(template, inputs), null);
    }

    /// <summary>
    /// Fills a template that came back from a button (its inputs are not known from the wire): every placeholder
    /// is required, and <c>{date}</c> must be an ISO date. A command without placeholders that came with form
    /// values (a card sent before actions were typed: "move R-1 to ") gets them appended in the order date, note, reason.
    /// </summary>
    public static ActionCommandResult Fill(string template, Func<string, string?> inputs) =>
        NeedsOf(template) is { Count: > 0 } needs
            ? Fill(template, needs, inputs)
            : new ActionCommandResult(Append(template, inputs), null);

    /// <summary>The inputs a template's placeholders name, in order (known ids get their labels and kinds).</summary>
    public static IReadOnlyList<ActionInput> NeedsOf(string template)
    {
        var needs = new List<ActionInput>();
        var i = 0;
        while (template.IndexOf('{', i) is var open and >= 0 && template.IndexOf('}', open + 1) is var close and >= 0)
        {
            var id = template[(open + 1)..close];
            needs.Add(id switch
            {
                "note" => ActionInput.Note,
                "date" => ActionInput.Date,
                "reason" => ActionInput.Reason,
                _ => new ActionInput(id, id, ActionInputKind.Text),
            });
            i = close + 1;
        }

        return needs;
    }

    public static ActionCommandResult Fill(ReplyAction action, Func<string, string?> inputs) =>
        Fill(action.Value ?? (action.ItemId is null ? action.Verb : $"{action.Verb} {action.ItemId}"), action.Inputs, inputs);

    private static string Substitute(string template, Func<string, string?> inputs)
    {
        var sb = new StringBuilder(template.Length + 64);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            sb.Append(template, i, open - i);
            sb.Append(Clean(inputs(template[(open + 1)..close])));
            i = close + 1;
        }

        return sb.ToString().Trim();
    }

    private static string Append(string command, Func<string, string?> inputs)
    {
        var sb = new StringBuilder(command.Trim());
        foreach (var id in (string[])["date", "note", "reason"])
        {
            if (Clean(inputs(id)) is { Length: > 0 } value)
            {
                sb.Append(' ').Append(value);
            }
        }

        return sb.ToString();
    }

    /// <summary>One line, trimmed and bounded: a form value never breaks the command apart.</summary>
    private static string Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var flat = string.Join(' ', value.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length > MaxInputLength ? flat[..MaxInputLength] : flat;
    }
}
