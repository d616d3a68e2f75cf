using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OversightBot.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OversightBot.Channels.Teams;

/// <summary>What the Connector answered. <see cref="Status"/> 0 = not sent (refused host, network error).</summary>
public sealed record ConnectorResult(int Status, string? Body = null, TimeSpan? RetryAfter = null, string? Error = null)
{
    public bool Ok => Status is >= 200 and < 300;
    public bool Throttled => Status is 429 or 412;

    /// <summary>
    /// For a throttled answer, which Teams limit it holds: Teams limits a bot per conversation (thread) and an app per
    /// tenant. A body that names the thread or conversation holds only that conversation; anything else, including
    /// no body, the whole app in the tenant (the safe reading).
    /// </summary>
    public ThrottleScope Scope =>
        Throttled && Body is { } b && (b.Contains("thread", StringComparison.OrdinalIgnoreCase) || b.Contains("conversation", StringComparison.OrdinalIgnoreCase))
            ? ThrottleScope.Conversation
            : ThrottleScope.Workspace;

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
/// a member. Sends a token only to allowed service URLs. Retries have one owner per path (<see cref="ConnectorPath"/>):
/// interactive calls go through the resilience pipeline of <see cref="ConnectorResilience"/>, proactive sends go out
/// once and the outbox dispatcher retries and paces them. A 401 fetches the token again and sends once more.
/// </summary>
public sealed class ConnectorClient(
    IOptions<TeamsOptions> options, IHttpClientFactory httpClients, BotTokenProvider tokens, ServiceUrlPolicy policy, TimeProvider clock, ILogger<ConnectorClient> log)
{
    private readonly TeamsOptions _options = options.Value;

    public Task<ConnectorResult> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, ConnectorPath route, CancellationToken ct) =>
        CallAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities", activity, route, ct);

    public Task<ConnectorResult> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct)
    {
        activity.ReplyToId = replyToId;
        return CallAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(replyToId)}", activity, ConnectorPath.Interactive, ct);
    }

    public Task<ConnectorResult> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct)
    {
        activity.Id = activityId;
        return CallAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", activity, ConnectorPath.Interactive, ct);
    }

    public Task<ConnectorResult> CreateConversationAsync(string serviceUrl, object parameters, ConnectorPath route, CancellationToken ct) =>
        CallAsync(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, route, ct);

    public async Task<TeamsMember?> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken ct)
    {
        var result = await CallAsync(HttpMethod.Get, serviceUrl, $"v3/conversations/{Esc(conversationId)}/members/{Esc(userId)}", null, ConnectorPath.Interactive, ct);
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

    private async Task<ConnectorResult> CallAsync(HttpMethod method, string serviceUrl, string path, object? body, ConnectorPath route, CancellationToken ct)
    {
        if (!policy.IsAllowed(serviceUrl))
        {
            log.LogWarning(TeamsLogEvents.ServiceUrlRefused, "Teams: refused to call service URL host {Host}: not on Teams:AllowedServiceUrlHosts", SafeHost(serviceUrl));
            return new ConnectorResult(0, Error: "service URL not allowed");
        }

        var url = new Uri(serviceUrl.TrimEnd('/') + "/" + path);
        var json = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), TeamsJson.Options);
        ConnectorResult result;
        try
        {
            result = await SendOnceAsync(method, url, json, route, ct);
            if (result.Status == 401 && !_options.IsDevelopmentMode)
            {
                tokens.Invalidate(); // an expired or revoked token: a new one, and the call once more
                result = await SendOnceAsync(method, url, json, route, ct);
            }
        }
        catch (HttpRequestException ex)
        {
            log.LogWarning(TeamsLogEvents.ConnectorUnreachable, "Teams: {Method} {Path} failed: {Error}", method, path, ex.Message);
            return new ConnectorResult(0, Error: ex.Message);
        }

        if (result.Throttled)
        {
            log.LogWarning(TeamsLogEvents.ConnectorThrottled, "Teams: {Method} {Path} throttled ({Status}, {Scope} limit, {Route}); Retry-After {RetryAfter}",
                method, path, result.Status, result.Scope == ThrottleScope.Conversation ? "conversation" : "app", route, result.RetryAfter);
        }
        else if (!result.Ok)
        {
            log.LogWarning(TeamsLogEvents.ConnectorError, "Teams: {Method} {Path} answered {Status}", method, path, result.Status);
        }

        return result;
    }

    private async Task<ConnectorResult> SendOnceAsync(HttpMethod method, Uri url, byte[]? json, ConnectorPath route, CancellationToken ct)
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

        var http = httpClients.CreateClient(route == ConnectorPath.Interactive ? TeamsChannel.InteractiveClientName : TeamsChannel.ProactiveClientName);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return new ConnectorResult((int)response.StatusCode, text, ConnectorResilience.RetryAfter(response.Headers.RetryAfter, clock.GetUtcNow()));
    }

    private static string SafeHost(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : "(invalid)";

}
