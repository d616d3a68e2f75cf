namespace OversightBot.Core.Domain;

public enum PublicationKind
{
    Agenda,
    Papers,
    Minutes,
    TermsOfReference,
    Membership,
}

/// <summary>A document a board put on its web page.</summary>
public sealed record Publication
{
    public required PublicationKind Kind { get; init; }
    /// <summary>The meeting it belongs to; null for standing documents (terms of reference, membership).</summary>
    public DateOnly? MeetingDate { get; init; }
    public required DateOnly Published { get; init; }
    public string? Link { get; init; }
    /// <summary>How precisely the publication date is known; <see cref="Published"/> is then the period's last day.</summary>
    public DatePrecision PublishedPrecision { get; init; } = DatePrecision.Day;

    /// <summary>The publication date as written ("December 2020").</summary>
    public FlexDate PublishedAsWritten => PublishedPrecision == DatePrecision.Day
        ? FlexDate.OnDay(Published)
        : new FlexDate(StartOf(Published, PublishedPrecision), PublishedPrecision);

    private static DateOnly StartOf(DateOnly end, DatePrecision precision) => precision switch
    {
        DatePrecision.Month => new DateOnly(end.Year, end.Month, 1),
        DatePrecision.Quarter or DatePrecision.FinancialQuarter => new DateOnly(end.Year, end.Month, 1).AddMonths(-2),
        _ => new DateOnly(end.Year, end.Month, 1).AddMonths(-11),
    };
}

public enum MeetingStatus
{
    Held,
    Scheduled,
    Cancelled,
    /// <summary>On record without saying whether it took place.</summary>
    Unknown,
}

public sealed record Meeting
{
    public required DateOnly Date { get; init; }
    public string? Note { get; init; }
    public MeetingStatus Status { get; init; } = MeetingStatus.Held;
    public string? AgendaLink { get; init; }
}

/// <summary>A meeting an item is raised at or due to be reported to: a board (or committee) and a date, or its next meeting.</summary>
public sealed record MeetingRef
{
    public required string Body { get; init; }
    /// <summary>Null means "the next meeting".</summary>
    public DateOnly? Date { get; init; }

    public string Text => Date is { } d ? $"{Body} on {FlexDate.OnDay(d).Text}" : $"the next {Body}";
}

public enum BoardLifecycle
{
    /// <summary>Nothing on record says which stage it is at.</summary>
    Unknown,
    BeingEstablished,
    Active,
    Dormant,
    Closed,
}

/// <summary>A partnership or oversight board whose publications are tracked.</summary>
public sealed class Board
{
    /// <summary>Stable slug, e.g. "lcrb".</summary>
    public required string Id { get; set; }
    public required string Name { get; set; }
    public List<string> Aliases { get; set; } = [];
    /// <summary>How often the board meets (and so should publish), in days.</summary>
    public int CadenceDays { get; set; } = 91;
    /// <summary>How long after a meeting its minutes may take to appear, in days.</summary>
    public int PublicationWindowDays { get; set; } = 42;
    public string? WebPage { get; set; }
    /// <summary>Email of the clerk who records meetings and publications.</summary>
    public string? Clerk { get; set; }
    public string? Note { get; set; }
    public SourceRef? Source { get; set; }
    public List<Meeting> Meetings { get; set; } = [];
    public List<Publication> Publications { get; set; } = [];
    public BoardLifecycle Lifecycle { get; set; }
    /// <summary>When the board was created, if known.</summary>
    public DateOnly? Created { get; set; }
    /// <summary>
    /// A source states the board has published nothing since it was created ("has never been updated"): stale from
    /// <see cref="Created"/>, or from <see cref="KnownAsAt"/> when the creation date is unknown.
    /// </summary>
    public bool NeverPublished { get; set; }
    /// <summary>The day the record of this board is known to be true (the source's date).</summary>
    public DateOnly? KnownAsAt { get; set; }
    /// <summary>How often the board meets, in words ("quarterly", "six times a year"); null when unknown.</summary>
    public string? CadenceAsWritten { get; set; }

    public bool Matches(string nameOrAlias) =>
        string.Equals(Id, nameOrAlias, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Name, nameOrAlias, StringComparison.OrdinalIgnoreCase)
        || Aliases.Exists(a => string.Equals(a, nameOrAlias, StringComparison.OrdinalIgnoreCase));
}
