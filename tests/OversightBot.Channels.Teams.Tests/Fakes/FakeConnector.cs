using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using OversightBot.Testing;

namespace OversightBot.Channels.Teams.Tests.Fakes;

public sealed record RecordedRequest(string Method, string RawTarget, string? Authorization, string Body, DateTimeOffset At)
{
    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);
}

/// <summary>
/// A Bot Framework Connector (v3) and token endpoint on loopback that records what the bot sends and can be told
/// to answer the next matching request with a given status (429 + Retry-After, 403 roster, 502...).
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(Func<RecordedRequest, bool> Match, int Status, string Body, string? RetryAfter)> _script = new();
    private int _activity;

    private FakeConnector(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;
    public string ServiceUrl => BaseUrl.ToString().TrimEnd('/');
    public string TokenEndpoint => new Uri(BaseUrl, "token").ToString();
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();
    private int _tokenRequests;

    public int TokenRequests => _tokenRequests;
    /// <summary>Emails the member lookup returns, by user id.</summary>
    public ConcurrentDictionary<string, string> Emails { get; } = new(StringComparer.Ordinal);

    public static async Task<FakeConnector> StartAsync()
    {
        var app = Loopback.Builder().Build();
        var fake = new FakeConnector(app);
        app.MapPost("/token", () =>
        {
            var n = Interlocked.Increment(ref fake._tokenRequests);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = $"connector-token-{n}" });
        });
        app.Map("/v3/{**rest}", fake.HandleAsync);
        fake.BaseUrl = await Loopback.StartAsync(app);
        return fake;
    }

    /// <summary>The next request matching <paramref name="match"/> gets this answer instead of success.</summary>
    public void Answer(Func<RecordedRequest, bool> match, int status, string body = "", string? retryAfter = null) =>
        _script.Enqueue((match, status, body, retryAfter));

    public IReadOnlyList<RecordedRequest> Activities => Requests.Where(r => r.RawTarget.Contains("/activities", StringComparison.Ordinal)).ToList();

    public async Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match, int timeoutMs = 5000)
    {
        for (var waited = 0; waited < timeoutMs; waited += 20)
        {
            if (Requests.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The fake connector received no matching request. Got: " + string.Join(", ", Requests.Select(r => r.Method + " " + r.RawTarget)));
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var raw = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var request = new RecordedRequest(http.Request.Method, raw, http.Request.Headers.Authorization.ToString(), body, TimeProvider.System.GetUtcNow());
        Requests.Enqueue(request);
        if (_script.TryPeek(out var next) && next.Match(request) && _script.TryDequeue(out next))
        {
            http.Response.StatusCode = next.Status;
            if (next.RetryAfter is not null)
            {
                http.Response.Headers.RetryAfter = next.RetryAfter;
            }

            await http.Response.WriteAsync(next.Body);
            return;
        }

        if (HttpMethods.IsGet(http.Request.Method) && raw.Contains("/members/", StringComparison.Ordinal))
        {
            var userId = Uri.UnescapeDataString(raw[(raw.LastIndexOf('/') + 1)..]);
            if (!Emails.TryGetValue(userId, out var email))
            {
                http.Response.StatusCode = 404;
                return;
            }

            await http.Response.WriteAsJsonAsync(new { id = userId, email, userPrincipalName = email });
            return;
        }

        if (HttpMethods.IsPost(http.Request.Method) && raw.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            http.Response.StatusCode = 201;
            await http.Response.WriteAsJsonAsync(new { id = "a:proactive-" + Interlocked.Increment(ref _activity) });
            return;
        }

        var id = JsonSerializer.Deserialize<JsonObject>(string.IsNullOrEmpty(body) ? "{}" : body)?["id"]?.GetValue<string>();
        await http.Response.WriteAsJsonAsync(new { id = id ?? "activity-" + Interlocked.Increment(ref _activity) });
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
