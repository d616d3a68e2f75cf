using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using OversightBot.Testing;

namespace OversightBot.Channels.Slack.Tests.Fakes;

/// <summary>One Web API call as Slack received it: the method, the bearer token and the arguments (JSON or form).</summary>
public sealed record SlackCall(string Method, string? Token, JsonObject Args, DateTimeOffset At)
{
    public string? Str(string name) => Args[name]?.GetValue<string>();
}

/// <summary>
/// Slack's Web API on loopback, speaking its wire format: <c>POST /api/{method}</c> with a bearer token, JSON or
/// form arguments, <c>{"ok":true,...}</c> or <c>{"ok":false,"error":"..."}</c>, 429 with Retry-After when told to.
/// Knows users (id ↔ email), opens DM channels, keeps posted messages (with metadata) for conversations.history.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    public const string BotToken = "xoxb-test-token";
    /// <summary>A scripted status for chat.postMessage: the message is posted, then the answer is a 504 (lost on the way back).</summary>
    public const int PostedThenGatewayTimeout = 5040;
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Method, int Status, string Body, string? RetryAfter)> _script = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new(StringComparer.Ordinal);
    private long _ts = 1_700_000_000_000;

    private FakeSlack(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;
    public string ApiBaseUrl => new Uri(BaseUrl, "api/").ToString();
    public string ResponseUrl(string id) => new Uri(BaseUrl, $"response/{id}").ToString();
    public ConcurrentQueue<SlackCall> Calls { get; } = new();
    /// <summary>Users by id: their email (users.info, users.lookupByEmail).</summary>
    public ConcurrentDictionary<string, string> Emails { get; } = new(StringComparer.Ordinal);
    public ConcurrentQueue<JsonObject> Posted { get; } = new();
    public FakeSocketMode SocketMode { get; } = new();

    public static async Task<FakeSlack> StartAsync()
    {
        var app = Loopback.Builder().Build();
        var fake = new FakeSlack(app);
        fake.SocketMode.Map(app);
        app.MapPost("/api/{method}", fake.HandleAsync);
        app.MapPost("/response/{id}", async (HttpContext http, string id) =>
        {
            var body = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!.AsObject();
            fake.Calls.Enqueue(new SlackCall("response_url:" + id, null, body, DateTimeOffset.UtcNow));
            return Results.Text("ok");
        });
        fake.BaseUrl = await Loopback.StartAsync(app);
        return fake;
    }

    /// <summary>The next call of <paramref name="method"/> gets this answer instead of success.</summary>
    public void Answer(string method, int status, string body, string? retryAfter = null) => _script.Enqueue((method, status, body, retryAfter));

    /// <summary>Calls of <paramref name="method"/> are received and recorded but not answered until <see cref="Release"/>.</summary>
    public void Hold(string method) => _holds[method] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string method)
    {
        if (_holds.TryRemove(method, out var gate))
        {
            gate.TrySetResult();
        }
    }

    public IReadOnlyList<SlackCall> CallsOf(string method) => Calls.Where(c => c.Method == method).ToList();

    public async Task<SlackCall> WaitForAsync(string method, Func<SlackCall, bool>? match = null, int timeoutMs = 10_000)
    {
        for (var waited = 0; waited < timeoutMs; waited += 20)
        {
            if (Calls.FirstOrDefault(c => c.Method == method && (match is null || match(c))) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Slack never received {method}");
    }

    private async Task HandleAsync(HttpContext http, string method)
    {
        var args = await ArgsAsync(http.Request);
        var token = http.Request.Headers.Authorization.ToString() is { Length: > 7 } auth ? auth[7..] : null;
        Calls.Enqueue(new SlackCall(method, token, args, DateTimeOffset.UtcNow));
        if (_holds.TryGetValue(method, out var gate))
        {
            await gate.Task;
        }

        if (Scripted(method) is { } s)
        {
            if (s.Status == PostedThenGatewayTimeout)
            {
                Post(args);
            }

            http.Response.StatusCode = s.Status == PostedThenGatewayTimeout ? 504 : s.Status;
            if (s.RetryAfter is not null)
            {
                http.Response.Headers.RetryAfter = s.RetryAfter;
            }

            await http.Response.WriteAsync(s.Body);
            return;
        }

        var answer = method == "apps.connections.open"
            ? FakeSocketMode.IsAppToken(token) ? SocketMode.Open(BaseUrl) : Error(token == BotToken ? "not_allowed_token_type" : "invalid_auth")
            : token == BotToken ? Answer(method, args) : Error("invalid_auth");
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(answer.ToJsonString());
    }

    private (int Status, string Body, string? RetryAfter)? Scripted(string method)
    {
        lock (_script)
        {
            if (_script.TryPeek(out var next) && next.Method == method && _script.TryDequeue(out var taken))
            {
                return (taken.Status, taken.Body, taken.RetryAfter);
            }
        }

        return null;
    }

    private JsonObject Answer(string method, JsonObject args) => method switch
    {
        "auth.test" => new JsonObject { ["ok"] = true, ["user_id"] = "UBOT", ["team_id"] = "T1" },
        "users.info" => Emails.TryGetValue(args["user"]?.GetValue<string>() ?? "", out var email)
            ? new JsonObject { ["ok"] = true, ["user"] = User(args["user"]!.GetValue<string>(), email) }
            : Error("user_not_found"),
        "users.lookupByEmail" => Emails.FirstOrDefault(e => string.Equals(e.Value, args["email"]?.GetValue<string>(), StringComparison.OrdinalIgnoreCase)) is { Key: { } id } found
            ? new JsonObject { ["ok"] = true, ["user"] = User(id, found.Value) }
            : Error("users_not_found"),
        "conversations.open" => new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D" + args["users"]?.GetValue<string>() } },
        "chat.postMessage" => Post(args),
        "conversations.history" => History(args["channel"]?.GetValue<string>()),
        _ => new JsonObject { ["ok"] = true },
    };

    private JsonObject Post(JsonObject args)
    {
        var ts = (Interlocked.Increment(ref _ts) / 1000.0).ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
        var stored = (JsonObject)args.DeepClone();
        stored["ts"] = ts;
        Posted.Enqueue(stored);
        return new JsonObject { ["ok"] = true, ["channel"] = args["channel"]?.DeepClone(), ["ts"] = ts };
    }

    private JsonObject History(string? channel) => new()
    {
        ["ok"] = true,
        ["messages"] = new JsonArray([.. Posted.Where(p => p["channel"]?.GetValue<string>() == channel).Select(p => (JsonNode)p.DeepClone())]),
    };

    private static JsonObject User(string id, string email) => new()
    {
        ["id"] = id,
        ["is_bot"] = false,
        ["is_email_confirmed"] = true,
        ["profile"] = new JsonObject { ["email"] = email },
    };

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    private static async Task<JsonObject> ArgsAsync(HttpRequest request)
    {
        var text = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync();
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            return JsonNode.Parse(text) as JsonObject ?? [];
        }

        var form = new JsonObject();
        foreach (var (key, value) in QueryHelpers.ParseQuery(text))
        {
            form[key] = value.ToString();
        }

        return form;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
