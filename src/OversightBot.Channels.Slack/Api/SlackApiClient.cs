using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OversightBot.Channels.Slack.Api;

/// <summary>
/// Slack's Web API with the bot token: JSON posts to <c>{ApiBaseUrl}{method}</c>. The HTTP client's resilience
/// pipeline (see <see cref="SlackChannel"/>) waits out a 429's Retry-After for every method, but retries timeouts and
/// 5xx only for methods marked idempotent here: a <c>chat.postMessage</c> that timed out may have been posted, so
/// it comes back as <see cref="SlackApiOutcome.Uncertain"/> instead of being sent twice.
/// </summary>
public sealed class SlackApiClient(IHttpClientFactory http, IOptions<SlackOptions> options, ILogger<SlackApiClient> log)
{
    /// <summary>Request option read by the retry policy: true = safe to repeat after a timeout or 5xx.</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("OversightBot.Slack.Idempotent");

    private static readonly HashSet<string> IdempotentMethods = new(StringComparer.Ordinal)
    {
        "auth.test", "users.info", "users.lookupByEmail", "conversations.open", "views.publish", "chat.update", "conversations.history",
    };

    private readonly SlackOptions _options = options.Value;

    public Task<SlackApiResult> PostMessageAsync(JsonObject message, CancellationToken ct) => CallAsync("chat.postMessage", message, ct);

    public Task<SlackApiResult> UpdateAsync(JsonObject message, CancellationToken ct) => CallAsync("chat.update", message, ct);

    public Task<SlackApiResult> PostEphemeralAsync(JsonObject message, CancellationToken ct) => CallAsync("chat.postEphemeral", message, ct);

    public Task<SlackApiResult> OpenDmAsync(string userId, CancellationToken ct) =>
        CallAsync("conversations.open", new JsonObject { ["users"] = userId }, ct);

    public Task<SlackApiResult> UserInfoAsync(string userId, CancellationToken ct) =>
        CallFormAsync("users.info", [new("user", userId)], ct);

    public Task<SlackApiResult> LookupByEmailAsync(string email, CancellationToken ct) =>
        CallFormAsync("users.lookupByEmail", [new("email", email)], ct);

    public Task<SlackApiResult> PublishViewAsync(string userId, JsonObject view, CancellationToken ct) =>
        CallAsync("views.publish", new JsonObject { ["user_id"] = userId, ["view"] = view }, ct);

    public Task<SlackApiResult> OpenViewAsync(string triggerId, JsonObject view, CancellationToken ct) =>
        CallAsync("views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, ct);

    public Task<SlackApiResult> AuthTestAsync(CancellationToken ct) => CallAsync("auth.test", new JsonObject(), ct);

    public Task<SlackApiResult> CallAsync(string method, JsonObject body, CancellationToken ct) =>
        SendAsync(method, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), _options.BotToken, ct);

    /// <summary>Methods that take their arguments as a form (Slack's read methods do not all read JSON bodies).</summary>
    public Task<SlackApiResult> CallFormAsync(string method, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken ct) =>
        SendAsync(method, new FormUrlEncodedContent(fields), _options.BotToken, ct);

    /// <summary>A call with the app-level token (Socket Mode's <c>apps.connections.open</c>).</summary>
    public Task<SlackApiResult> CallWithAppTokenAsync(string method, CancellationToken ct) =>
        SendAsync(method, new FormUrlEncodedContent([]), _options.AppToken, ct);

    /// <summary>Posts to a slash command's or button's <c>response_url</c> (no token; Slack allows 5 posts in 30 minutes).</summary>
    public async Task<SlackApiResult> RespondAsync(string responseUrl, JsonObject message, CancellationToken ct)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || !ResponseUrlAllowed(url))
        {
            return new SlackApiResult(SlackApiOutcome.Failed, "response_url not allowed");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json") };
        return await SendAsync(request, "response_url", ct);
    }

    /// <summary>Slack's hooks host, or (for tests and a fake Slack) the API's own host.</summary>
    private bool ResponseUrlAllowed(Uri url) =>
        (url.Scheme == Uri.UriSchemeHttps && (url.Host == "hooks.slack.com" || url.Host.EndsWith(".slack.com", StringComparison.OrdinalIgnoreCase)))
        || (Uri.TryCreate(_options.ApiBaseUrl, UriKind.Absolute, out var api) && api.Host == url.Host && api.Port == url.Port && url.IsLoopback);

    private async Task<SlackApiResult> SendAsync(string method, HttpContent content, string? token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(_options.ApiBaseUrl), method)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? "");
        request.Options.Set(Idempotent, IdempotentMethods.Contains(method));
        return await SendAsync(request, method, ct);
    }

    private async Task<SlackApiResult> SendAsync(HttpRequestMessage request, string method, CancellationToken ct)
    {
        try
        {
            using var response = await http.CreateClient(SlackChannel.HttpClientName).SendAsync(request, ct);
            var result = await ReadAsync(response, ct);
            var idempotent = request.Options.TryGetValue(Idempotent, out var safe) && safe;
            return (int)response.StatusCode >= 500 && !idempotent ? result with { Outcome = SlackApiOutcome.Uncertain } : result;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            log.LogWarning(SlackLogEvents.SlackApiClientWarning1, "Slack: {Method} did not complete ({Error})", method, ex.GetType().Name);
            return new SlackApiResult(request.Options.TryGetValue(Idempotent, out var safe) && safe ? SlackApiOutcome.Failed : SlackApiOutcome.Uncertain, "timeout");
        }
    }

    private static async Task<SlackApiResult> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var retryAfter = RetryAfter(response);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new SlackApiResult(SlackApiOutcome.RateLimited, "ratelimited", retryAfter ?? TimeSpan.FromSeconds(1));
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            return new SlackApiResult(SlackApiOutcome.Failed, $"HTTP {(int)response.StatusCode}");
        }

        if (bytes.Length > 0 && bytes[0] != (byte)'{')
        {
            // response_url answers "ok" as plain text.
            return Encoding.UTF8.GetString(bytes).Trim() == "ok" ? new SlackApiResult(SlackApiOutcome.Ok) : new SlackApiResult(SlackApiOutcome.Failed, "not JSON");
        }

        using var doc = JsonDocument.Parse(bytes);
        var body = doc.RootElement.Clone();
        if (body.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
        {
            return new SlackApiResult(SlackApiOutcome.Ok, Body: body);
        }

        var error = body.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "unknown_error";
        return SlackApiResult.FromError(error, retryAfter) with { Body = body };
    }

    internal static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.TryGetValues("Retry-After", out var values) && int.TryParse(values.FirstOrDefault(), out var s) ? TimeSpan.FromSeconds(s) : null);
}
