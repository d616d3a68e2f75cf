using OversightBot.Core.Domain;

namespace OversightBot.Import.Drafting;

/// <summary>Where a drafted item comes from: the document, who issued it, its date and the verbatim sentence.</summary>
public sealed record DraftSource(string Document, string Issuer, DateOnly? Date, string Quote, string File);

/// <summary>One lettered part of a recommendation: "(b) provide details to the Committee…".</summary>
public sealed record DraftPart(string Label, string Text);

/// <summary>An existing item that seems to address the same thing, for the clerk to confirm ("one action, many sources").</summary>
public sealed record SuggestedLink(string ItemId, string Title, double Score);

/// <summary>
/// An item drafted from a document or a tracker row, for a clerk to review before it is stored. Anything the
/// importer could not resolve (owner, date) is left empty with a warning, never guessed silently.
/// </summary>
public sealed record Draft
{
    public required string Id { get; init; }
    public required ItemKind Kind { get; init; }
    public string? SubKind { get; init; }
    public string? Reference { get; init; }
    public required string Title { get; init; }
    public string Text { get; init; } = "";
    public string? Owner { get; init; }
    public DateOnly? Due { get; init; }
    /// <summary>How exactly the due date is known: "day", "month", "quarter" or "year".</summary>
    public string? DuePrecision { get; init; }
    public string? DueRule { get; init; }
    public Recurrence Recurrence { get; init; }
    public ItemStatus Status { get; init; } = ItemStatus.Open;
    public DateOnly? Opened { get; init; }
    public DateOnly? Closed { get; init; }
    public string? Board { get; init; }
    /// <summary>The governance principle or report section the item sits under.</summary>
    public string? Section { get; init; }
    public required DraftSource Source { get; init; }
    public IReadOnlyList<DraftPart> Parts { get; init; } = [];
    /// <summary>Items of the same import this one belongs with (a statutory duty and the recommendations it covers).</summary>
    public IReadOnlyList<string> LinkedTo { get; init; } = [];
    public IReadOnlyList<SuggestedLink> Suggested { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>Hash of what the document says (kind, document, quote, part): the same text always drafts the same item.</summary>
    public required string ContentHash { get; init; }
    /// <summary>The id was given by the input (a tracker's id column, a JSON export) rather than made from the content.</summary>
    public bool FixedId { get; init; }

    /// <summary>A complete stored item (JSON import): stored as it is, history included.</summary>
    public TrackedItem? Restored { get; init; }
}
