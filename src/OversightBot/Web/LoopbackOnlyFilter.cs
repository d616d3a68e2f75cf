using OversightBot.Hosting;

namespace OversightBot.Web;

/// <summary>
/// Refuses web chat calls that are not from this machine unless <see cref="WebChatOptions.AllowRemote"/> is set —
/// including calls that came through a reverse proxy (<see cref="ProxyGuard"/>), which would otherwise look local.
/// </summary>
public sealed class LoopbackOnlyFilter(bool allowRemote, ILogger? log = null) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (allowRemote || ProxyGuard.IsLocal(http))
        {
            return await next(context);
        }

        if (ProxyGuard.IsProxied(http) is { } why)
        {
            log?.LogWarning(HostLogEvents.ProxiedRefused, "Refused {Path}: it came through a proxy ({Why}); the web chat has no sign-in, so it answers only direct callers on this machine (WebChat:AllowRemote)", http.Request.Path.Value, why);
            return Results.Json(
                new { error = "The built-in web chat has no sign-in, so it does not answer through a proxy (set WebChat:AllowRemote behind your own sign-in)." },
                statusCode: StatusCodes.Status403Forbidden);
        }

        return Results.Json(
            new { error = "The built-in web chat answers only on this machine (set WebChat:AllowRemote behind your own sign-in)." },
            statusCode: StatusCodes.Status403Forbidden);
    }
}
