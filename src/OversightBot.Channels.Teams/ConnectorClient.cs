using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OversightBot.Channels.Teams;

/// <summary>What the Connector answered. <see cref="Status"/> 0 = not sent (refused host, network error).</summary>
public sealed record ConnectorResult(int Status, string? Body = null, TimeSpan? RetryAfter = null, string? Error = null)
{
    public bool Ok => Status is >= 200 and < 300;
    public bool Throttled => Status is 429 or 412;

    /// <summary>403 BotNotInConversationRoster (or a 404 conversation): the user removed the app.</summary>
    public bool RecipientGone => (Status == 403 && Body?.Contains("BotNotInConversationRoster", StringComparison.OrdinalIgnoreCase) == true)
        || (Status == 404 && Body?.Contains("ConversationNotFound", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The id of the created activity or conversation, when the body carries one.</summary>
    public string? Id
    {
        get
        {
            if (!Ok || string.IsNullOrEmpty(Body))
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize<ResourceResponse>(Body, TeamsJson.Options)?.Id;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}

/// <summary>
/// The Bot Framework Connector REST API (v3): send, reply in a thread, update, open a 1:1 conversation, look up
/// a member. Sends a token only to allowed service URLs; honours Retry-After on 429/412; retries 502/504 only
/// for idempotent calls (a re-POST could duplicate a reminder).
/// </summary>
public sealed class ConnectorClient(
    IOptions<TeamsOptions> options, IHttpClientFactory httpClients, BotTokenProvider tokens, ServiceUrlPolicy policy, TimeProvider clock, ILogger<ConnectorClient> log)
{
    public const int MaxAttempts = 3;
    private readonly TeamsOptions _options = options.Value;

    public Task<ConnectorResult> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
        CallAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities", activity, ct);

    public Task<ConnectorResult> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct)
    {
        activity.ReplyToId = replyToId;
        return CallAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(replyToId)}", activity, ct);
    }

    public Task<ConnectorResult> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct)
    {
        activity.Id = activityId;
        return CallAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", activity, ct);
    }

    public Task<ConnectorResult> CreateConversationAsync(string serviceUrl, object parameters, CancellationToken ct) =>
        CallAsync(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, ct);

    public async Task<TeamsMember?> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken ct)
    {
        var result = await CallAsync(HttpMethod.Get, serviceUrl, $"v3/conversations/{Esc(conversationId)}/members/{Esc(userId)}", null, ct);
        if (!result.Ok || string.IsNullOrEmpty(result.Body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TeamsMember>(result.Body, TeamsJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Esc(string segment) => Uri.EscapeDataString(segment);

    private async Task<ConnectorResult> CallAsync(HttpMethod method, string serviceUrl, string path, object? body, CancellationToken ct)
    {
        if (!policy.IsAllowed(serviceUrl))
        {
            log.LogWarning("Teams: refused to call service URL host {Host}: not on Teams:AllowedServiceUrlHosts", SafeHost(serviceUrl));
            return new ConnectorResult(0, Error: "service URL not allowed");
        }

        var url = new Uri(serviceUrl.TrimEnd('/') + "/" + path);
        var json = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), TeamsJson.Options);
        var idempotent = method != HttpMethod.Post;
        var refreshedToken = false;
        for (var attempt = 1; ; attempt++)
        {
            ConnectorResult result;
            try
            {
                result = await SendOnceAsync(method, url, json, ct);
            }
            catch (HttpRequestException ex)
            {
                log.LogWarning("Teams: {Method} {Path} failed: {Error}", method, path, ex.Message);
                return new ConnectorResult(0, Error: ex.Message);
            }

            if (result.Status == 401 && !refreshedToken && !_options.IsDevelopmentMode)
            {
                tokens.Invalidate();
                refreshedToken = true;
                continue;
            }

            var retryable = result.Throttled || (idempotent && result.Status is 502 or 504);
            if (!retryable || attempt >= MaxAttempts)
            {
                if (!result.Ok)
                {
                    log.LogWarning("Teams: {Method} {Path} answered {Status}", method, path, result.Status);
                }

                return result;
            }

            var wait = result.RetryAfter ?? Backoff(attempt);
            if (wait > _options.MaxInlineRetryWait)
            {
                return result; // the caller (outbox) retries later
            }

            log.LogInformation("Teams: {Status} from the Connector; retrying in {Wait}", result.Status, wait);
            await Task.Delay(wait, clock, ct);
        }
    }

    private async Task<ConnectorResult> SendOnceAsync(HttpMethod method, Uri url, byte[]? json, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new ByteArrayContent(json);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
        }

        if (!_options.IsDevelopmentMode)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(ct));
        }

        var http = httpClients.CreateClient(TeamsChannel.HttpClientName);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return new ConnectorResult((int)response.StatusCode, text, RetryAfter(response.Headers.RetryAfter));
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds((250 * Math.Pow(2, attempt - 1)) + Random.Shared.Next(0, 100));

    private static string SafeHost(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : "(invalid)";

}
