using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OversightBot.Core.Diagnostics;
using OversightBot.Web;

namespace OversightBot.Hosting;

/// <summary><c>Telemetry</c> settings: OpenTelemetry metrics and traces, off unless an exporter is named.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Serve the metrics for Prometheus to scrape at <see cref="PrometheusPath"/>.</summary>
    public bool Prometheus { get; set; }

    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>The scrape endpoint answers only callers on this machine unless this is set.</summary>
    public bool PrometheusAllowRemote { get; set; }

    /// <summary>An OTLP collector (e.g. http://127.0.0.1:4317) to export metrics and traces to; empty = none.</summary>
    public string? OtlpEndpoint { get; set; }

    public bool Enabled => Prometheus || !string.IsNullOrWhiteSpace(OtlpEndpoint);
}

/// <summary>Wires OpenTelemetry into the web host: the product's meter and activity source, ASP.NET Core and HttpClient.</summary>
public static class TelemetrySetup
{
    public static TelemetryOptions AddTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.Enabled)
        {
            return options;
        }

        var otlp = string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? null : new Uri(options.OtlpEndpoint);
        var otel = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService("oversightbot"));
        otel.WithMetrics(m =>
        {
            m.AddMeter(BotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
            if (options.Prometheus)
            {
                m.AddPrometheusExporter();
            }

            if (otlp is not null)
            {
                m.AddOtlpExporter(o => o.Endpoint = otlp);
            }
        });
        if (otlp is not null)
        {
            otel.WithTracing(t => t.AddSource(BotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddOtlpExporter(o => o.Endpoint = otlp));
        }

        BotTelemetry.WatchOutbox = true;
        return options;
    }

    /// <summary>The scrape endpoint (when on) and the count of store errors behind any request.</summary>
    public static void MapTelemetry(this WebApplication app, TelemetryOptions options)
    {
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception ex) when (IsStoreError(ex))
            {
                BotTelemetry.StoreFailed(http.GetEndpoint()?.DisplayName ?? "request");
                throw;
            }
        });
        if (options.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(options.PrometheusPath).AddEndpointFilter(new LoopbackOnlyFilter(options.PrometheusAllowRemote));
        }
    }

    private static bool IsStoreError(Exception ex) =>
        ex.GetType().Namespace?.StartsWith("LiteDB", StringComparison.Ordinal) == true || ex is IOException;
}
