using OversightBot.Core.Domain;

namespace OversightBot.Core.Language;

/// <summary>An inclusive range of calendar dates in Europe/London.</summary>
public sealed record DateRange(DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public int Days => End.DayNumber - Start.DayNumber + 1;
}

/// <summary>What the user asked for. <see cref="Name"/> is the contract other tools read.</summary>
public abstract record Intent(string Name);

/// <summary>Open items past due; <see cref="Filter"/> narrows them ("overdue recommendations for the Partnership Team").</summary>
public sealed record OverdueQuery(ItemFilter? Filter = null) : Intent("overdue");

/// <summary>Items due in <see cref="Range"/>; <see cref="Filter"/> narrows them.</summary>
public sealed record DueQuery(DateRange Range, ItemFilter? Filter = null) : Intent("due");

/// <summary>
/// One item by id ("R-12"), by external reference ("MQ 1844") or by words ("the PEEL comments"), and what is asked
/// about it (<see cref="Aspect"/>: its deadline, its owner, how long it has been open, or everything).
/// </summary>
public sealed record StatusQuery(string? ItemId, string? Words, ItemAspect Aspect = ItemAspect.Status) : Intent("status");

/// <summary>A person's or team's items; <see cref="Mine"/> means the asker's.</summary>
public sealed record OwnerQuery(string? Owner, bool Mine) : Intent("owner")
{
    /// <summary>Whose items when <see cref="Mine"/>: the asker's own (with their team's), their team's or their directorate's.</summary>
    public Scope Scope { get; init; }
}

public sealed record BoardsQuery(string? Board) : Intent("boards");

public sealed record DigestQuery() : Intent("digest");

public sealed record Subscribe(DayOfWeek? Day, TimeOnly? At) : Intent("subscribe");

public sealed record Unsubscribe() : Intent("unsubscribe");

/// <summary>A status change, progress note, evidence link or due-date revision for one item.</summary>
public sealed record UpdateItem(string ItemId, ItemStatus? NewStatus, string? Note, DateOnly? NewDue, string? Reason, string? EvidenceLink)
    : Intent("update")
{
    /// <summary>The words naming the item when no id was given ("the HMICFRS comments"); <see cref="ItemId"/> is then empty.</summary>
    public string? Words { get; init; }
}

public sealed record Snooze(string ItemId, DateOnly Until) : Intent("snooze");

public sealed record Help() : Intent("help");

public sealed record Unknown(string Text) : Intent("unknown");

/// <summary>Everything the recognizer found in one utterance.</summary>
public sealed record Understanding(Intent Intent, DateRange? Range, Entities Entities);

/// <summary>The entities the recognizer found, whatever the intent.</summary>
public sealed record Entities
{
    public IReadOnlyList<string> ItemIds { get; init; } = [];
    public string? ItemWords { get; init; }
    public string? Owner { get; init; }
    /// <summary>The asker means themselves ("my actions", "on my plate").</summary>
    public bool Mine { get; init; }
    /// <summary>External references such as "MQ 1844".</summary>
    public IReadOnlyList<string> References { get; init; } = [];
    public string? EvidenceLink { get; init; }
    public string? Board { get; init; }
    public ItemStatus? Status { get; init; }
    public IReadOnlyList<DateOnly> Dates { get; init; } = [];
    public string? Reason { get; init; }
    public string? Note { get; init; }
    /// <summary>Dates the user typed that do not exist, e.g. "31/02/2023".</summary>
    public IReadOnlyList<string> InvalidDates { get; init; } = [];
    /// <summary>Timing that names no date ("in due course", "after the party conference season").</summary>
    public IReadOnlyList<string> VagueDates { get; init; } = [];

    public static Entities None { get; } = new();
}

/// <summary>Turns a user's text into an intent, resolving dates against "today" in Europe/London.</summary>
public interface IIntentRecognizer
{
    Understanding Recognize(string text, DateOnly today);
}

/// <summary>"more", "show more", "next page": the next page of the previous answer.</summary>
public sealed record MoreQuery() : Intent("more");
