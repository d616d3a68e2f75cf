namespace OversightBot.Core.Domain;

public enum Rag
{
    Green,
    Amber,
    Red,
    /// <summary>Closed: done, waived, withdrawn or not accepted.</summary>
    Complete,
    /// <summary>The status is unknown, so no colour can be given.</summary>
    Unknown,
}

/// <summary>A colour and the reason for it.</summary>
public sealed record RagResult(Rag Rag, string Why);

/// <summary>
/// The RAG rule, configurable. Red: overdue, or its due date revised more than <see cref="RedAfterRevisions"/> times.
/// Amber: due within <see cref="AmberWithinDays"/> days and not started (still "open"), or an expected progress update
/// is more than <see cref="UpdateGraceDays"/> days late. Green: everything else that is open. Closed items are complete;
/// unknown status gives unknown. Items with no due date are green unless an update is late.
/// </summary>
public sealed record RagRule
{
    public int RedAfterRevisions { get; init; } = 2;
    public int AmberWithinDays { get; init; } = 30;
    public bool AmberOnlyWhenNotStarted { get; init; } = true;
    public int UpdateGraceDays { get; init; } = 7;

    public static readonly RagRule Default = new();

    /// <summary>The colour of <paramref name="item"/> on <paramref name="today"/>, given its last update day.</summary>
    public RagResult Evaluate(TrackedItem item, DateOnly today, DateOnly? lastUpdate = null)
    {
        if (item.Status == ItemStatus.Unknown)
        {
            return new RagResult(Rag.Unknown, "status unknown");
        }

        if (!item.IsOpen)
        {
            return new RagResult(Rag.Complete, item.Status.ToString().ToLowerInvariant());
        }

        if (item.IsOverdue(today))
        {
            return new RagResult(Rag.Red, $"overdue by {item.DaysOverdue(today)} days");
        }

        var revisions = item.Revisions.Count(r => r.State == RevisionState.Approved);
        if (revisions > RedAfterRevisions)
        {
            return new RagResult(Rag.Red, $"due date revised {revisions} times");
        }

        if (item.Due is { } due && due.DayNumber - today.DayNumber <= AmberWithinDays
            && (!AmberOnlyWhenNotStarted || item.Status == ItemStatus.Open))
        {
            return new RagResult(Rag.Amber, $"due within {AmberWithinDays} days{(AmberOnlyWhenNotStarted ? " and not started" : "")}");
        }

        if (UpdateDue(item, today, lastUpdate) is { } late && late > UpdateGraceDays)
        {
            return new RagResult(Rag.Amber, $"progress update {late} days late");
        }

        return new RagResult(Rag.Green, "on track");
    }

    /// <summary>Days since an expected progress update fell due, or null when none is due.</summary>
    public static int? UpdateDue(TrackedItem item, DateOnly today, DateOnly? lastUpdate)
    {
        if (item.UpdateEveryDays is not { } every || !item.IsOpen)
        {
            return null;
        }

        var from = lastUpdate ?? item.Opened ?? item.Source.Date;
        var late = today.DayNumber - from.AddDays(every).DayNumber;
        return late > 0 ? late : null;
    }
}
