using OversightBot.Core.Replies;

namespace OversightBot.Core.Proactive;

public enum OutboxState
{
    /// <summary>Waiting for its time (<see cref="OutboxRow.NextAt"/>).</summary>
    Pending,
    /// <summary>Claimed by a dispatcher until its lease (<see cref="OutboxRow.NextAt"/>) ends.</summary>
    InFlight,
    /// <summary>A send failed; retried at <see cref="OutboxRow.NextAt"/>.</summary>
    Failed,
    Delivered,
    /// <summary>Gave up after the maximum number of attempts; an admin may retry it.</summary>
    Dead,
    /// <summary>The recipient cannot be reached any more (app removed, person unknown).</summary>
    Gone,
    /// <summary>No longer applies when its time came (item done, due date revised, snoozed).</summary>
    Cancelled,
}

/// <summary>One proactive message to one person. <see cref="Key"/> is deterministic and written once, ever.</summary>
public sealed record OutboxRow
{
    public required string Key { get; init; }
    /// <summary>"nudge", "escalation", "board-nudge", "digest".</summary>
    public required string Kind { get; init; }
    /// <summary>The recipient's email.</summary>
    public required string Recipient { get; init; }
    /// <summary>When the message should go.</summary>
    public required DateTimeOffset DueAt { get; init; }
    public required Reply Message { get; init; }
    public string? ItemId { get; init; }
    /// <summary>The item's due date (or occurrence) the message was planned for; a revision makes it stale.</summary>
    public DateOnly? ItemDue { get; init; }
    public OutboxState State { get; init; } = OutboxState.Pending;
    /// <summary>When the row is next claimable: its due time, a retry time, or the end of a claim's lease.</summary>
    public DateTimeOffset NextAt { get; init; }
    public int Attempts { get; init; }
    public string? LastError { get; init; }
    public string? Channel { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DoneAt { get; init; }

    /// <summary>States a dispatcher may claim (in flight only once its lease has ended).</summary>
    public bool IsActive => State is OutboxState.Pending or OutboxState.InFlight or OutboxState.Failed;

    public static OutboxRow New(string key, string kind, string recipient, DateTimeOffset dueAt, Reply message, DateTimeOffset now) => new()
    {
        Key = key,
        Kind = kind,
        Recipient = recipient,
        DueAt = dueAt,
        NextAt = dueAt,
        Message = message,
        CreatedAt = now,
    };
}

/// <summary>Retry rules for failed sends.</summary>
public sealed record OutboxRetryPolicy
{
    public int MaxAttempts { get; init; } = 6;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromHours(2);
    /// <summary>Used when a throttled platform gives no Retry-After.</summary>
    public TimeSpan DefaultRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    public static OutboxRetryPolicy Default { get; } = new();
}
