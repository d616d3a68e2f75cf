using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OversightBot.Channels.Http;

namespace OversightBot.Channels.Slack;

/// <summary>
/// <c>POST /slack/events</c>, <c>/slack/commands</c>, <c>/slack/interactions</c>. Each: 404 without a signing secret,
/// 405 for other methods, 413 over the size limit, 401 unless the signature over the raw bytes is valid and fresh;
/// then events are acknowledged at once and handled from the queue, commands and interactions answered here.
/// </summary>
internal static class SlackEndpoints
{
    public static Task EventsAsync(HttpContext http) => GuardedAsync(http, OnEventAsync);

    public static Task CommandsAsync(HttpContext http) => GuardedAsync(http, OnCommandAsync);

    public static Task InteractionsAsync(HttpContext http) => GuardedAsync(http, OnInteractionAsync);

    private static async Task GuardedAsync(HttpContext http, Func<HttpContext, byte[], Task> next)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!options.HttpEnabled)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.Headers.Allow = "POST";
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var body = await RawBody.ReadAsync(http.Request, options.MaxRequestBodyBytes, http.RequestAborted);
        if (body.Bytes is not { } bytes)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var check = SlackSignature.Verify(
            options.SigningSecret!, http.Request.Headers[SlackSignature.TimestampHeader], http.Request.Headers[SlackSignature.SignatureHeader],
            bytes, services.GetRequiredService<TimeProvider>().GetUtcNow());
        if (check != SignatureCheck.Valid)
        {
            services.GetRequiredService<ILogger<SlackBot>>().LogWarning(SlackLogEvents.SlackEndpointsWarning1, "Slack: rejected a request to {Path}: {Reason}", http.Request.Path.Value, check);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        await next(http, bytes);
    }

    private static async Task OnEventAsync(HttpContext http, byte[] body)
    {
        using var doc = SlackPayloads.ParseObject(body);
        if (doc is null)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var root = doc.RootElement;
        switch (root.Str("type"))
        {
            case "url_verification":
                await JsonAsync(http, new JsonObject { ["challenge"] = root.Str("challenge") ?? "" });
                return;
            case "event_callback":
                var options = http.RequestServices.GetRequiredService<IOptions<SlackOptions>>().Value;
                if (options.TeamAllowed(root.Str("team_id")) && !SlackBot.Ignored(root) && root.Str("event_id") is { Length: > 0 } eventId)
                {
                    await http.RequestServices.GetRequiredService<ISlackEventQueue>().EnqueueAsync(eventId, Encoding.UTF8.GetString(body), http.RequestAborted);
                }

                http.Response.StatusCode = StatusCodes.Status200OK;
                return;
            default:
                http.Response.StatusCode = StatusCodes.Status200OK;
                return;
        }
    }

    private static async Task OnCommandAsync(HttpContext http, byte[] body)
    {
        var form = Form(body);
        var options = http.RequestServices.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!options.TeamAllowed(form.GetValueOrDefault("team_id")))
        {
            await JsonAsync(http, new JsonObject { ["response_type"] = "ephemeral", ["text"] = NotAllowedText });
            return;
        }

        await JsonAsync(http, await http.RequestServices.GetRequiredService<SlackCommands>().HandleAsync(form, http.RequestAborted));
    }

    private static async Task OnInteractionAsync(HttpContext http, byte[] body)
    {
        var form = Form(body);
        using var doc = form.GetValueOrDefault("payload") is { } payload ? SlackPayloads.ParseObject(Encoding.UTF8.GetBytes(payload)) : null;
        if (doc is null)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var options = http.RequestServices.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!options.TeamAllowed(doc.RootElement.Str("team", "id") ?? doc.RootElement.Str("user", "team_id")))
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var answer = await http.RequestServices.GetRequiredService<SlackInteractions>().HandleAsync(doc.RootElement, http.RequestAborted);
        if (answer is null)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        await JsonAsync(http, answer);
    }

    public const string NotAllowedText = "Sorry — this bot isn't available to your workspace.";

    private static Dictionary<string, string> Form(byte[] body)
    {
        var parsed = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        return parsed.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    }

    private static async Task JsonAsync(HttpContext http, JsonObject body)
    {
        http.Response.StatusCode = (int)HttpStatusCode.OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }
}
