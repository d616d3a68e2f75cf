using System.Text.Json;

namespace OversightBot.Channels.Slack.Api;

/// <summary>How a Web API call ended, classified for the caller and the outbox.</summary>
public enum SlackApiOutcome
{
    Ok,
    /// <summary>HTTP 429 (or <c>ratelimited</c>): try again after <see cref="SlackApiResult.RetryAfter"/>.</summary>
    RateLimited,
    /// <summary>The person or conversation cannot be reached (<c>user_not_found</c>, <c>account_inactive</c>, …): never retry.</summary>
    RecipientGone,
    /// <summary>A timeout or lost connection on a call that may have taken effect: retrying blindly could duplicate it.</summary>
    Uncertain,
    /// <summary>Any other <c>{ok:false,error}</c> or HTTP failure.</summary>
    Failed,
}

/// <summary>One Web API answer: <c>ok</c>, Slack's <c>error</c> code, and the JSON body for the caller to read.</summary>
public sealed record SlackApiResult(SlackApiOutcome Outcome, string? Error = null, TimeSpan? RetryAfter = null, JsonElement Body = default)
{
    public bool Ok => Outcome == SlackApiOutcome.Ok;

    /// <summary>Slack error codes that mean the recipient is gone for good.</summary>
    public static readonly IReadOnlySet<string> GoneErrors = new HashSet<string>(StringComparer.Ordinal)
    {
        "user_not_found", "users_not_found", "account_inactive", "user_disabled", "channel_not_found", "is_archived",
        "cannot_dm_bot", "user_not_visible", "not_in_channel",
    };

    public static SlackApiResult FromError(string error, TimeSpan? retryAfter = null) => new(
        error == "ratelimited" ? SlackApiOutcome.RateLimited : GoneErrors.Contains(error) ? SlackApiOutcome.RecipientGone : SlackApiOutcome.Failed,
        error, retryAfter);

    public string? Str(params string[] path)
    {
        if (Body.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var e = Body;
        foreach (var p in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(p, out e))
            {
                return null;
            }
        }

        return e.ValueKind == JsonValueKind.String ? e.GetString() : null;
    }
}
