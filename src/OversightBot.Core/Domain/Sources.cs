namespace OversightBot.Core.Domain;

/// <summary>What sort of document an obligation comes from; each keeps its own reference fields on <see cref="SourceRef"/>.</summary>
public enum SourceKind
{
    Unspecified,
    /// <summary>A committee letter: date, sender, addressee, copy list.</summary>
    CommitteeLetter,
    /// <summary>An HMICFRS (or other inspectorate) inspection: report, recommendation number, publication date.</summary>
    Inspection,
    /// <summary>An independent review (e.g. Baroness Casey's): recommendation number.</summary>
    Review,
    InternalAudit,
    ExternalAudit,
    /// <summary>An annual governance statement: the principle or section.</summary>
    GovernanceStatement,
    /// <summary>A Mayor's Question: number, date asked, asking member.</summary>
    MayorsQuestion,
    /// <summary>A Freedom of Information request: received date.</summary>
    FoiRequest,
    Letter,
    Report,
    Minutes,
}

public enum Acceptance
{
    /// <summary>No response on record.</summary>
    Unknown,
    Accepted,
    PartlyAccepted,
    NotAccepted,
}

/// <summary>The organisation's response to a recommendation: accepted or not, when, where it is published.</summary>
public sealed record ItemResponse
{
    public Acceptance Acceptance { get; init; }
    public DateOnly? On { get; init; }
    public string? Link { get; init; }
    public string? Text { get; init; }
    /// <summary>Why no action is taken (an inspection response must give one for every recommendation without an action).</summary>
    public string? NoActionReason { get; init; }
}

/// <summary>How a link between items reads.</summary>
public enum LinkKind
{
    /// <summary>This item is a part (deliverable, sub-recommendation) of the target.</summary>
    PartOf,
    /// <summary>This item (an action) answers the target (a recommendation, perhaps from another source).</summary>
    Addresses,
}
