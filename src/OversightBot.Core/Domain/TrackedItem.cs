namespace OversightBot.Core.Domain;

/// <summary>What sort of obligation an item is.</summary>
public enum ItemKind
{
    Recommendation,
    ImprovementAction,
    StatutoryDuty,
    Question,
}

/// <summary>Stored status. "Overdue" is never stored: see <see cref="TrackedItem.IsOverdue"/>.</summary>
public enum ItemStatus
{
    Open,
    InProgress,
    Done,
    NotAccepted,
    Withdrawn,
}

public enum Recurrence
{
    None,
    Monthly,
    Quarterly,
    Annually,
}

/// <summary>Where an obligation comes from: the document and the sentence that states it.</summary>
public sealed record SourceRef
{
    public required string Document { get; init; }
    public required string Issuer { get; init; }
    public required DateOnly Date { get; init; }
    public string? Link { get; init; }
    public string Quote { get; init; } = "";
    /// <summary>The seed file (or imported file) the item was taken from.</summary>
    public string? File { get; init; }
}

/// <summary>One entry of an item's audit trail.</summary>
public sealed record HistoryEntry
{
    public required DateTimeOffset At { get; init; }
    public required string By { get; init; }
    public required string What { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Note { get; init; }
}

/// <summary>A change of due date, with its reason and whether a manager approved it.</summary>
public sealed record DueRevision
{
    public required DateOnly? From { get; init; }
    public required DateOnly To { get; init; }
    public required string Reason { get; init; }
    public required string RequestedBy { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public RevisionState State { get; init; } = RevisionState.Approved;
    public string? DecidedBy { get; init; }
}

public enum RevisionState
{
    Requested,
    Approved,
    Rejected,
}

/// <summary>A recommendation, action, statutory duty or question that someone must deliver by a date.</summary>
public sealed class TrackedItem
{
    public required string Id { get; set; }
    public required ItemKind Kind { get; set; }
    /// <summary>Finer label within the kind, e.g. "MQ", "FOI", "Letter", "HMICFRS".</summary>
    public string? SubKind { get; set; }
    /// <summary>An external reference users may type, e.g. "MQ 1844".</summary>
    public string? Reference { get; set; }
    public required string Title { get; set; }
    public string Text { get; set; } = "";
    public required SourceRef Source { get; set; }
    /// <summary>A person's email or a team's name.</summary>
    public required string Owner { get; set; }
    /// <summary>Calendar date in Europe/London; null when the source sets no date ("in due course").</summary>
    public DateOnly? Due { get; set; }
    /// <summary>How the source states the deadline, e.g. "within four weeks".</summary>
    public string? DueRule { get; set; }
    public Recurrence Recurrence { get; set; }
    public ItemStatus Status { get; set; }
    public bool Restricted { get; set; }
    /// <summary>When the item was raised (defaults to the source date); used for "time taken".</summary>
    public DateOnly? Opened { get; set; }
    public DateOnly? Closed { get; set; }
    public DateOnly? SnoozedUntil { get; set; }
    public string? Board { get; set; }
    public List<string> Evidence { get; set; } = [];
    public List<HistoryEntry> History { get; set; } = [];
    public List<DueRevision> Revisions { get; set; } = [];

    /// <summary>Open or in progress: still owed.</summary>
    public bool IsOpen => Status is ItemStatus.Open or ItemStatus.InProgress;

    public bool IsOverdue(DateOnly today) => IsOpen && Due is { } due && due < today;

    /// <summary>Whole days past due on <paramref name="today"/>; zero when not overdue.</summary>
    public int DaysOverdue(DateOnly today) =>
        IsOverdue(today) ? today.DayNumber - Due!.Value.DayNumber : 0;
}
