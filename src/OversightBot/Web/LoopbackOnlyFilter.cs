using System.Net;

namespace OversightBot.Web;

/// <summary>Refuses web chat calls from other machines unless <see cref="WebChatOptions.AllowRemote"/> is set.</summary>
public sealed class LoopbackOnlyFilter(bool allowRemote) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var remote = context.HttpContext.Connection.RemoteIpAddress;
        if (allowRemote || remote is null || IPAddress.IsLoopback(remote))
        {
            return await next(context);
        }

        return Results.Json(
            new { error = "The built-in web chat answers only on this machine (set WebChat:AllowRemote behind your own sign-in)." },
            statusCode: StatusCodes.Status403Forbidden);
    }
}
