using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OversightBot.Core.Ports;
using OversightBot.Hosting;

namespace OversightBot.Web;

/// <summary>
/// <c>GET /health</c> on the standard health-check model: every registered check runs (the store's does a real read and
/// write); 200 with <c>"status":"ok"</c> when all are healthy, 503 with <c>"unhealthy"</c> otherwise.
/// </summary>
public static class HealthEndpoint
{
    public const string Path = "/health";

    public static IServiceCollection AddStoreHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreHealthCheck>(StoreHealthCheck.Name, HealthStatus.Unhealthy);
        return services;
    }

    public static void Map(WebApplication app) =>
        app.MapHealthChecks(Path, new HealthCheckOptions
        {
            ResponseWriter = WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        var store = report.Entries.TryGetValue(StoreHealthCheck.Name, out var entry) ? entry : default;
        var body = new
        {
            status = report.Status == HealthStatus.Unhealthy ? "unhealthy" : "ok",
            store = new StoreHealth(
                store.Status == HealthStatus.Healthy,
                Value<string>(store, "provider") ?? "litedb",
                Value<int>(store, "schemaVersion"),
                Value<int>(store, "items"),
                Value<int>(store, "boards"),
                Value<int>(store, "people"),
                null,
                store.Status == HealthStatus.Healthy ? null : store.Description),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString().ToLowerInvariant(), e.Value.Description, ms = (int)e.Value.Duration.TotalMilliseconds }),
        };
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, ReplyJson.Compact), http.RequestAborted);
    }

    private static T? Value<T>(HealthReportEntry entry, string key) =>
        entry.Data is not null && entry.Data.TryGetValue(key, out var v) && v is T t ? t : default;
}
