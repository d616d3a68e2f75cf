using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace OversightBot.Channels.Teams;

/// <summary>
/// Which caller owns retries for a Connector call. Interactive replies (an answer, a card update, a member look-up
/// inside a request) retry briefly in the HTTP pipeline; proactive sends go out once and leave retries and 429 pacing
/// to the outbox dispatcher, so no message is retried by two layers.
/// </summary>
public enum ConnectorPath
{
    Interactive,
    Proactive,
}

/// <summary>The interactive path's retry pipeline, on Microsoft.Extensions.Http.Resilience.</summary>
public static class ConnectorResilience
{
    /// <summary>Retries after the first try: with the 250 ms jittered backoff, at most about a second unless Retry-After says more.</summary>
    public const int MaxRetries = 2;

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, TeamsOptions options, TimeProvider clock) =>
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(250),
            MaxDelay = options.MaxInlineRetryWait,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } response && ShouldRetry(response, options.MaxInlineRetryWait, clock)),
        });

    /// <summary>
    /// 429 and 412 (throttled, nothing was processed) are retried when their Retry-After fits the inline budget;
    /// 502 and 504 only for PUT and GET — a POST is never re-sent blindly, it may have been delivered.
    /// </summary>
    public static bool ShouldRetry(HttpResponseMessage response, TimeSpan maxWait, TimeProvider clock)
    {
        var status = (int)response.StatusCode;
        if (status is 429 or 412)
        {
            return RetryAfter(response.Headers.RetryAfter, clock.GetUtcNow()) is not { } wait || wait <= maxWait;
        }

        return status is 502 or 504 && response.RequestMessage?.Method != HttpMethod.Post;
    }

    /// <summary>A Retry-After header as a wait from <paramref name="now"/> (a date in the past waits zero).</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
