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
}

public sealed record Meeting
{
    public required DateOnly Date { get; init; }
    public string? Note { get; init; }
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

    public bool Matches(string nameOrAlias) =>
        string.Equals(Id, nameOrAlias, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Name, nameOrAlias, StringComparison.OrdinalIgnoreCase)
        || Aliases.Exists(a => string.Equals(a, nameOrAlias, StringComparison.OrdinalIgnoreCase));
}
