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
    /// <summary>Excused without delivery (an occurrence of a recurring obligation that no longer applies).</summary>
    Waived,
    /// <summary>The source says nothing about it; never counted as overdue or as done.</summary>
    Unknown,
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
    public SourceKind Kind { get; init; }
    /// <summary>The source's own reference: a recommendation number ("Recommendation 3"), "MQ 2022/2115", a paragraph.</summary>
    public string? Reference { get; init; }
    public string? Sender { get; init; }
    public string? Addressee { get; init; }
    /// <summary>The copy list as written.</summary>
    public string? CopyTo { get; init; }
    /// <summary>When a report was published (an inspection's 56 days run from it).</summary>
    public DateOnly? Published { get; init; }
    /// <summary>A governance statement's principle or a report's section.</summary>
    public string? Section { get; init; }
    /// <summary>A Mayor's Question's date asked, or an FOI request's received date.</summary>
    public DateOnly? AskedOn { get; init; }
    /// <summary>The asking member (Mayor's Question) or requester.</summary>
    public string? AskedBy { get; init; }
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
    /// <summary>The status before and after, when the entry changed it (for status as at a past date).</summary>
    public ItemStatus? FromStatus { get; init; }
    public ItemStatus? ToStatus { get; init; }
    /// <summary>The due date before and after, when the entry changed it.</summary>
    public DateOnly? FromDue { get; init; }
    public DateOnly? ToDue { get; init; }
    /// <summary>The occurrence the entry is about (series items), e.g. "S-3@2023-04-01".</summary>
    public string? Occurrence { get; init; }
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

    /// <summary>How the due date is written when the source gives less than a day ("December 2020", "2023/24").</summary>
    public FlexDate? DueAsWritten { get; set; }
    /// <summary>For a recurring obligation: its rule. The item is then the series; its occurrences are stored apart.</summary>
    public RecurrenceRule? Series { get; set; }
    /// <summary>Set on the items that list queries return for an occurrence of a series (never stored).</summary>
    public OccurrenceRef? Occurrence { get; set; }
    /// <summary>The item this is a part of (a recommendation's part (b), a programme's deliverable).</summary>
    public string? ParentId { get; set; }
    /// <summary>The part's label as written, e.g. "(b)".</summary>
    public string? PartLabel { get; set; }
    /// <summary>Items (recommendations, perhaps from other sources) this action answers.</summary>
    public List<string> Addresses { get; set; } = [];
    /// <summary>Themes (tags), lower case: "partnership boards", "transparency".</summary>
    public List<string> Themes { get; set; } = [];
    /// <summary>Further sources that ask for the same work, each with its own reference.</summary>
    public List<SourceRef> OtherSources { get; set; } = [];
    public ItemResponse? Response { get; set; }
    /// <summary>The accountable body or director (e.g. "MOPAC", "Chief Executive"); null when the source names none.</summary>
    public string? Accountable { get; set; }
    /// <summary>True when <see cref="Owner"/> is an outside body (MPS, TfL, the Committee): "awaiting others".</summary>
    public bool OwnerExternal { get; set; }
    /// <summary>The internal team or person who chases an external owner.</summary>
    public string? InternalContact { get; set; }
    /// <summary>True when the source names no owner: <see cref="Owner"/> then holds "unknown".</summary>
    public bool OwnerUnknown { get; set; }
    /// <summary>The meeting the item is due to be reported to ("by the next Police and Crime Committee").</summary>
    public MeetingRef? ReportTo { get; set; }
    /// <summary>How often progress updates are expected (monthly tracking); null when none are.</summary>
    public int? UpdateEveryDays { get; set; }
    public List<EvidenceEntry> EvidenceEntries { get; set; } = [];

    /// <summary>Owned outside the organisation: listed when asked for, kept out of its own overdue lists and nudges.</summary>
    public bool AwaitingOthers => OwnerExternal;

    /// <summary>Overdue and the organisation's own to deliver (not awaiting an outside body).</summary>
    public bool IsOwnOverdue(DateOnly today) => !OwnerExternal && IsOverdue(today);

    /// <summary>The last time anything was recorded on the item, or null.</summary>
    public DateOnly? LastUpdate(TimeZoneInfo zone) =>
        History.Count == 0 ? null : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(History[^1].At, zone).DateTime);

    /// <summary>Open or in progress: still owed.</summary>
    public bool IsOpen => Status is ItemStatus.Open or ItemStatus.InProgress;

    public bool IsOverdue(DateOnly today) => IsOpen && Due is { } due && due < today;

    /// <summary>Whole days past due on <paramref name="today"/>; zero when not overdue.</summary>
    public int DaysOverdue(DateOnly today) =>
        IsOverdue(today) ? today.DayNumber - Due!.Value.DayNumber : 0;
}
