using OversightBot.Core.Domain;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Ports;

public enum SendOutcomeKind
{
    Delivered,
    /// <summary>The platform asked us to slow down; retry after <see cref="SendOutcome.RetryAfter"/>.</summary>
    Throttled,
    /// <summary>The recipient removed the app or cannot be reached: stop and flag, never retry.</summary>
    RecipientGone,
    /// <summary>Anything else: retry with backoff, dead-letter after a bounded number of attempts.</summary>
    Failed,
}

/// <summary>What a platform's rate limit (a 429) applies to.</summary>
public enum ThrottleScope
{
    /// <summary>The app across the workspace (tenant): every conversation the sender reaches waits. Assumed when a platform does not say.</summary>
    Workspace,
    /// <summary>Only this conversation (Teams' per-conversation limit, Slack's one message a second per channel): the others go on.</summary>
    Conversation,
}

public sealed record SendOutcome(SendOutcomeKind Kind, TimeSpan? RetryAfter = null, string? Error = null)
{
    public static SendOutcome Delivered { get; } = new(SendOutcomeKind.Delivered);

    /// <summary>For <see cref="SendOutcomeKind.Throttled"/>: which limit was hit, so only that conversation or workspace waits.</summary>
    public ThrottleScope Scope { get; init; } = ThrottleScope.Workspace;
}

/// <summary>
/// Delivers a proactive message (nudge, escalation, digest) to one person through one channel.
/// Each channel (Teams, Slack, the web chat's inbox) implements it; the outbox dispatcher calls it.
/// </summary>
public interface IMessageSender
{
    /// <summary>"msteams", "slack", "webchat".</summary>
    string Channel { get; }

    /// <summary>True when this channel knows how to reach the person (e.g. a stored conversation reference).</summary>
    Task<bool> CanReachAsync(Person recipient, CancellationToken ct);

    /// <summary>
    /// Sends <paramref name="message"/>. <paramref name="key"/> is the outbox row's deterministic key; senders
    /// that can pass an idempotency key to their platform should.
    /// </summary>
    Task<SendOutcome> SendAsync(Person recipient, Reply message, string key, CancellationToken ct);
}
