namespace OversightBot.Core.Ports;

/// <summary>
/// Work that continues after a channel has answered its HTTP request (a Teams card action past its budget, a Slack
/// <c>response_url</c> follow-up): written to the store before the answer, so a crash means a retry, never a loss.
/// </summary>
public sealed record WorkItem
{
    /// <summary>Chosen by the caller and unique, e.g. "msteams:card-action:{activity id}"; adding it twice is a no-op.</summary>
    public required string Id { get; init; }
    /// <summary>Which <see cref="IWorkHandler"/> runs it, e.g. "msteams.card-action".</summary>
    public required string Kind { get; init; }
    /// <summary>What the handler needs, as JSON it defines.</summary>
    public required string Payload { get; init; }
    /// <summary>When a worker may take it: a claim pushes this forward by the lease, a failure by the backoff.</summary>
    public DateTimeOffset ReadyAt { get; init; }
    public int Attempts { get; init; }
    /// <summary>Progress a retry starts from (e.g. the reply, once the command has run), as JSON the handler defines.</summary>
    public string? Progress { get; init; }
    public string? LastError { get; init; }
    /// <summary>Given up after too many attempts; kept for an operator, never taken again.</summary>
    public bool Dead { get; init; }
    /// <summary>
    /// When set, the id stays taken until then even once the item is done, so adding it again (a delivery retried by
    /// the sender, e.g. Slack's <c>X-Slack-Retry-Num</c>) is still a no-op. Without it a done item is forgotten at once.
    /// </summary>
    public DateTimeOffset? KeepIdUntil { get; init; }
}

public interface IWorkQueue
{
    /// <summary>Adds the item unless one with its id exists (or is done and still kept, see <see cref="WorkItem.KeepIdUntil"/>); returns whether it was added.</summary>
    Task<bool> EnqueueWorkAsync(WorkItem item, CancellationToken ct);

    /// <summary>Takes up to <paramref name="max"/> live items ready at <paramref name="now"/>: each gets one more attempt and is held for <paramref name="lease"/>.</summary>
    Task<IReadOnlyList<WorkItem>> ClaimWorkAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken ct);

    Task<WorkItem?> GetWorkAsync(string id, CancellationToken ct);

    /// <summary>Keeps progress so that a retry does not redo what is done.</summary>
    Task SaveWorkProgressAsync(string id, string progress, CancellationToken ct);

    /// <summary>Done: the item is deleted (only its id is kept until <see cref="WorkItem.KeepIdUntil"/>, when set).</summary>
    Task CompleteWorkAsync(string id, CancellationToken ct);

    /// <summary>Failed: taken again at <paramref name="readyAt"/>, or never when <paramref name="dead"/>.</summary>
    Task FailWorkAsync(string id, string error, DateTimeOffset readyAt, bool dead, CancellationToken ct);
}

/// <summary>Runs one kind of queued work; channels register theirs. Throwing means "retry later".</summary>
public interface IWorkHandler
{
    string Kind { get; }

    Task RunAsync(WorkItem item, CancellationToken ct);
}
