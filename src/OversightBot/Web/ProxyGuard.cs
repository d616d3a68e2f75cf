using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OversightBot.Channels.Teams;
using OversightBot.Core.Ports;

using OversightBot.Hosting;

namespace OversightBot.Web;

/// <summary>
/// Notices requests that came through a reverse proxy — from a configured trusted proxy, or carrying forwarding
/// headers from anywhere — before forwarded headers are applied, because a proxy on this machine makes every
/// caller look local. Such requests are marked (<see cref="IsProxied"/>); the web chat's filter refuses them, and
/// so does the Teams endpoint while it runs without authentication. Callers that are not local see only "up" or
/// "down" at /health.
/// </summary>
public sealed class ProxyGuard(RequestDelegate next, IReadOnlyList<IPNetwork> trusted, ILogger<ProxyGuard> log)
{
    private const string ProxiedKey = "OversightBot.Proxied";

    private static readonly string[] ForwardingHeaders =
        ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "X-Original-For", "X-Client-IP"];

    /// <summary>Why the request is taken to have come through a proxy, or null.</summary>
    public static string? IsProxied(HttpContext http) => http.Items.TryGetValue(ProxiedKey, out var why) ? why as string : null;

    /// <summary>A caller on this machine that did not come through a proxy.</summary>
    public static bool IsLocal(HttpContext http) =>
        IsProxied(http) is null && (http.Connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote));

    public async Task InvokeAsync(HttpContext http)
    {
        if (Why(http) is { } why)
        {
            http.Items[ProxiedKey] = why;
        }

        if (http.Request.Path.StartsWithSegments(TeamsChannel.Route) && IsProxied(http) is { } proxied
            && http.RequestServices.GetRequiredService<IOptions<TeamsOptions>>().Value.IsDevelopmentMode)
        {
            log.LogWarning(HostLogEvents.ProxiedTeamsRefused, "Refused {Path}: it came through a proxy ({Why}) and Teams runs without authentication (no Teams:AppId)", TeamsChannel.Route, proxied);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (HttpMethods.IsGet(http.Request.Method) && http.Request.Path.Equals("/health") && !IsLocal(http))
        {
            var up = await IsUpAsync(http);
            http.Response.StatusCode = up ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            await http.Response.WriteAsJsonAsync(new { status = up ? "up" : "down" });
            return;
        }

        await next(http);
    }

    /// <summary>The registered health checks when there are any, else the store's own health.</summary>
    private static async Task<bool> IsUpAsync(HttpContext http)
    {
        if (http.RequestServices.GetService<HealthCheckService>() is { } checks)
        {
            return (await checks.CheckHealthAsync(http.RequestAborted)).Status != HealthStatus.Unhealthy;
        }

        return (await http.RequestServices.GetRequiredService<IStoreAdmin>().HealthAsync(http.RequestAborted)).Ok;
    }

    private string? Why(HttpContext http)
    {
        if (http.Connection.RemoteIpAddress is { } remote && trusted.Any(n => n.Contains(Normal(remote))))
        {
            return $"from trusted proxy {remote}";
        }

        foreach (var header in ForwardingHeaders)
        {
            if (http.Request.Headers.ContainsKey(header))
            {
                return $"{header} header present";
            }
        }

        return null;
    }

    private static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
