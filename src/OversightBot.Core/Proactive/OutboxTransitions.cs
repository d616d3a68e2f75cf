using OversightBot.Core.Diagnostics;
using OversightBot.Core.Ports;

namespace OversightBot.Core.Proactive;

/// <summary>How a row changes after a send. Shared by every <see cref="IOutboxStore"/> so all stores agree.</summary>
public static class OutboxTransitions
{
    public static OutboxRow After(OutboxRow row, SendOutcome outcome, string? channel, DateTimeOffset now, OutboxRetryPolicy retry)
    {
        switch (outcome.Kind)
        {
            case SendOutcomeKind.Delivered:
                return row with { State = OutboxState.Delivered, Attempts = row.Attempts + 1, Channel = channel, DoneAt = now, LastError = null };
            case SendOutcomeKind.Throttled:
                var wait = outcome.RetryAfter is { } ra && ra > TimeSpan.Zero ? ra : retry.DefaultRetryAfter;
                return row with { State = OutboxState.Pending, NextAt = now + wait, Channel = channel, LastError = "throttled" };
            case SendOutcomeKind.RecipientGone:
                return row with { State = OutboxState.Gone, Attempts = row.Attempts + 1, Channel = channel, DoneAt = now, LastError = outcome.Error ?? "recipient gone" };
            default:
                var attempts = row.Attempts + 1;
                if (attempts >= retry.MaxAttempts)
                {
                    BotTelemetry.DeadLettered(channel);
                }

                return attempts >= retry.MaxAttempts
                    ? row with { State = OutboxState.Dead, Attempts = attempts, Channel = channel, DoneAt = now, LastError = outcome.Error ?? "failed" }
                    : row with { State = OutboxState.Failed, Attempts = attempts, Channel = channel, NextAt = now + Backoff(row.Key, attempts, retry), LastError = outcome.Error ?? "failed" };
        }
    }

    /// <summary>
    /// Exponential backoff (base × 2^(attempt−1), capped) scaled by a jitter factor in [0.5, 1) derived from the
    /// key, so that rows failing together spread out yet every store computes the same time.
    /// </summary>
    public static TimeSpan Backoff(string key, int attempt, OutboxRetryPolicy retry)
    {
        var exp = retry.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var capped = Math.Min(exp, retry.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (0.5 * Jitter(key, attempt))));
    }

    public static OutboxRow Claimed(OutboxRow row, DateTimeOffset now, TimeSpan lease) =>
        row with { State = OutboxState.InFlight, NextAt = now + lease };

    public static OutboxRow Retried(OutboxRow row, DateTimeOffset now) =>
        row with { State = OutboxState.Pending, NextAt = now, Attempts = 0, DoneAt = null, LastError = null };

    public static OutboxRow Cancelled(OutboxRow row, string reason, DateTimeOffset now) =>
        row with { State = OutboxState.Cancelled, DoneAt = now, LastError = reason };

    private static double Jitter(string key, int attempt)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash = (hash ^ (uint)attempt) * 16777619u;
        return (hash % 10_000) / 10_000.0;
    }
}
