using OversightBot.Core.Domain;

namespace OversightBot.Core.Language;

/// <summary>What a question about one named item asks.</summary>
public enum ItemAspect
{
    /// <summary>Everything: status, owner, due date, history.</summary>
    Status,
    /// <summary>"When is X due?", "deadline for X".</summary>
    Due,
    /// <summary>"Who owns X?".</summary>
    Owner,
    /// <summary>"How long has X been outstanding?", "how long did X take?".</summary>
    Age,
}

/// <summary>Whose items: the asker's own (with their team's), their team's, or their directorate's.</summary>
public enum Scope
{
    None,
    Me,
    Team,
    Directorate,
}

/// <summary>Which statuses a list wants.</summary>
public enum StatusFilter
{
    /// <summary>The intent's default: open items, or done items for completions.</summary>
    Default,
    Open,
    NotStarted,
    InProgress,
    Done,
    NotAccepted,
    Withdrawn,
    All,
}

/// <summary>Red, amber or green, as oversight reports colour items.</summary>
public enum RagColour
{
    Red,
    Amber,
    Green,
}

/// <summary>Which date a list's range applies to.</summary>
public enum DateField
{
    Due,
    Completed,
    Opened,
}

/// <summary>
/// Filters for item lists, all optional and combinable. Scalar fields only, so two equal questions make equal
/// intents (answers are cached by intent).
/// </summary>
public sealed record ItemFilter
{
    public ItemKind? Kind { get; init; }
    /// <summary>"MQ", "FOI", "Letter": matched against the item's sub-kind.</summary>
    public string? SubKind { get; init; }
    public StatusFilter Status { get; init; }
    public string? Owner { get; init; }
    public Scope Scope { get; init; }
    /// <summary>Words naming the source document, issuer or review ("the Casey Review", "HMICFRS").</summary>
    public string? Source { get; init; }
    /// <summary>Words naming a theme or subject ("information governance", "community scrutiny").</summary>
    public string? Theme { get; init; }
    public RagColour? Rag { get; init; }
    public DateRange? Range { get; init; }
    public DateField On { get; init; }

    public bool IsEmpty => Kind is null && SubKind is null && Status == StatusFilter.Default && Owner is null && Scope == Scope.None
        && Source is null && Theme is null && Rag is null && Range is null;
}

/// <summary>"List all open recommendations", "what was completed last month?": items filtered by any of <see cref="ItemFilter"/>.</summary>
public sealed record ListQuery(ItemFilter Filter) : Intent("list");

/// <summary>"How many Mayor's Questions were answered on time?", "FOI on-time rate": stored statistics and live rates.</summary>
public sealed record StatsQuery(ItemFilter Filter, string? Measure) : Intent("stats");

/// <summary>"History of R-7", "audit trail for the PEEL comments": an item's notes, evidence and revisions.</summary>
public sealed record HistoryQuery(string? ItemId, string? Words) : Intent("history");

/// <summary>
/// "Add a new item: reply to Caroline Russell's letter by 1 December": a new item from chat. Missing parts are
/// asked for; <see cref="Text"/> keeps what was typed.
/// </summary>
public sealed record AddItem(string? Title, string? Owner, DateOnly? Due, string? DueRule, ItemKind? Kind, string? SubKind, string? Source, string Text)
    : Intent("add");

/// <summary>What a clerk records about a board.</summary>
public enum BoardEvent
{
    MeetingHeld,
    MeetingScheduled,
    Published,
}

/// <summary>"LDB minutes published today", "the LCRB met on 5 March", "SSPB meeting scheduled for 14 November".</summary>
public sealed record RecordBoard(string? Board, BoardEvent Event, PublicationKind? Publication, DateOnly? Date, DateOnly? MeetingDate, string Text)
    : Intent("record");
