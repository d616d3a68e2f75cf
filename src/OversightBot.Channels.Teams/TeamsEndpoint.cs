using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OversightBot.Channels.Http;
using OversightBot.Core.Input;

namespace OversightBot.Channels.Teams;

/// <summary>
/// <c>POST /api/messages</c>: 405 for other methods, 413 over the size limit, 400 for a body that is not a
/// well-formed activity (<see cref="ActivityRules"/>),
/// 401 for every authentication failure (or, with no app id, any caller that is not loopback), then the turn.
/// </summary>
internal static class TeamsEndpoint
{
    public static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<TeamsOptions>>().Value;
        var log = services.GetRequiredService<ILogger<TeamsBot>>();
        var ct = http.RequestAborted;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.Headers.Allow = "POST";
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (options.IsDevelopmentMode && !(http.Connection.RemoteIpAddress is { } remote && System.Net.IPAddress.IsLoopback(remote)))
        {
            log.LogWarning(TeamsLogEvents.NonLoopbackRefused, "Teams: refused a request from a non-loopback address (development mode)");
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var body = (await RawBody.ReadAsync(http.Request, options.MaxRequestBodyBytes, ct)).Bytes;
        if (body is null)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var activity = Parse(body, out var problem);
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            log.LogDebug(TeamsLogEvents.MalformedActivity, "Teams: refused a malformed activity: {Problem}", problem ?? "no type");
            await BadRequestAsync(http, problem ?? "The activity has no \"type\".", ct);
            return;
        }

        if (!options.IsDevelopmentMode)
        {
            var auth = await services.GetRequiredService<TeamsAuthenticator>().AuthenticateAsync(http.Request.Headers.Authorization, activity, ct);
            if (!auth.Ok)
            {
                log.LogWarning(TeamsLogEvents.ActivityRejected, "Teams: rejected an activity: {Reason}", auth.Reason);
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
        }

        var response = await services.GetRequiredService<TeamsBot>().OnActivityAsync(activity, ct);
        if (response is null)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        http.Response.StatusCode = response.Status;
        if (response.Body is not null)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(http.Response.Body, response.Body, response.Body.GetType(), TeamsJson.Options, ct);
        }
    }

    /// <summary>The activity, or null with a reason: not JSON, text that is not well-formed, null list members, oversized ids.</summary>
    private static Activity? Parse(byte[] body, out string? problem)
    {
        if (body.Length == 0)
        {
            problem = "The body is empty.";
            return null;
        }

        using var doc = JsonInput.Parse(body, out problem);
        if (doc is null)
        {
            return null;
        }

        Activity? activity;
        try
        {
            activity = doc.RootElement.Deserialize<Activity>(TeamsJson.Options);
        }
        catch (JsonException ex)
        {
            problem = $"The body is not an activity: {ex.Message}";
            return null;
        }

        problem = activity is null ? "The body is not an activity." : ActivityRules.Problem(activity);
        return problem is null ? activity : null;
    }

    private static async Task BadRequestAsync(HttpContext http, string problem, CancellationToken ct)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, new { error = problem }, TeamsJson.Options, ct);
    }
}
