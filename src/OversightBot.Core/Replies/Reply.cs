using System.Text.Json.Serialization;

namespace OversightBot.Core.Replies;

/// <summary>
/// The channel-neutral answer. Handlers build it; renderers (plain text, HTML, Adaptive Card, Block Kit)
/// draw it. <see cref="Total"/> and <see cref="Shown"/> let a renderer cut a long list without losing the count.
/// </summary>
public sealed record Reply
{
    public required string Intent { get; init; }
    /// <summary>The whole answer as readable plain text (terminal, web chat, notification fallback).</summary>
    public required string Text { get; init; }
    public string? Heading { get; init; }
    public IReadOnlyList<ReplyFact> Facts { get; init; } = [];
    public IReadOnlyList<ReplyItem> Items { get; init; } = [];
    public IReadOnlyList<ReplyBoard> Boards { get; init; } = [];
    /// <summary>How many items matched in all.</summary>
    public int Total { get; init; }
    /// <summary>How many of them are in <see cref="Items"/>.</summary>
    public int Shown { get; init; }
    /// <summary>Where the next page starts ("more"); null when everything was shown.</summary>
    public int? NextOffset { get; init; }
    public IReadOnlyList<ReplyAction> Actions { get; init; } = [];
    public IReadOnlyList<string> FollowUps { get; init; } = [];
    /// <summary>True when the reply refuses or reports an error (bad input, no permission).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsError { get; init; }
}

public sealed record ReplyFact(string Label, string Value);

public sealed record ReplySource(string Document, DateOnly Date, string? Issuer = null, string? Link = null, string? Quote = null);

public sealed record ReplyItem
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string Owner { get; init; }
    public DateOnly? Due { get; init; }
    public required string Status { get; init; }
    public int? DaysOverdue { get; init; }
    public required ReplySource Source { get; init; }
    public string? Reference { get; init; }
    public string? Note { get; init; }
}

public sealed record ReplyBoard
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public bool Stale { get; init; }
    /// <summary>"stale", "upToDate", "unknown" (nothing on record to judge by) or "notExpected" (closed or dormant).</summary>
    public string Standing { get; init; } = "upToDate";
    public IReadOnlyList<string> Reasons { get; init; } = [];
    public IReadOnlyList<ReplyFact> Latest { get; init; } = [];
    public string? WebPage { get; init; }
}

/// <summary>
/// A button: what it says, its verb (<see cref="ItemVerbs"/> for item buttons) and the text command it stands for.
/// <see cref="Value"/> is that command; when the action needs <see cref="Inputs"/>, it is a template whose
/// <c>{id}</c> placeholders (<c>{note}</c>, <c>{date}</c>, <c>{reason}</c>) are filled from a form by
/// <see cref="ActionCommand.Fill"/>. A channel shows a form for every action with inputs and never sends it half-filled.
/// </summary>
public sealed record ReplyAction(string Label, string Verb, string? ItemId = null, string? Value = null)
{
    /// <summary>What the action needs from the person before it can be sent; empty = a plain button.</summary>
    public IReadOnlyList<ActionInput> Inputs { get; init; } = [];

    public bool Equals(ReplyAction? other) =>
        other is not null && Label == other.Label && Verb == other.Verb && ItemId == other.ItemId && Value == other.Value
        && Inputs.SequenceEqual(other.Inputs);

    public override int GetHashCode() => HashCode.Combine(Label, Verb, ItemId, Value, Inputs.Count);
}
