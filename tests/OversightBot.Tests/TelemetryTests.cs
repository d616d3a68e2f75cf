using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OversightBot.Hosting;
using OversightBot.Testing;
using OversightBot.Web;

namespace OversightBot.Tests;

/// <summary>OpenTelemetry metrics: off by default, and when on, a Prometheus scrape shows the product's own metrics.</summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Metrics_AreOffByDefault()
    {
        await using var host = await StartAsync();

        using var scrape = await host.Http.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, scrape.StatusCode);
    }

    [Fact]
    public async Task PrometheusOn_AScrapeCountsAnsweredMessagesByChannel()
    {
        await using var host = await StartAsync("--Telemetry:Prometheus=true", "--Proactive:Enabled=false");
        using var chat = await host.Http.PostAsJsonAsync(new Uri("/api/chat", UriKind.Relative), new { text = "what's overdue?", asOf = "2023-03-01" });
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);

        var metrics = await host.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Contains("oversightbot_requests", metrics, StringComparison.Ordinal);
        Assert.Contains("channel=\"webchat\"", metrics, StringComparison.Ordinal);
        Assert.Contains("oversightbot_reply_duration", metrics, StringComparison.Ordinal);
    }

    private async Task<Host> StartAsync(params string[] settings)
    {
        var app = await WebHost.BuildAsync(["--urls", "http://127.0.0.1:0", .. settings], new StorageOptions { Path = _folder.File($"t{Guid.NewGuid():N}.db") }, TimeProvider.System, CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Host(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    public void Dispose() => _folder.Dispose();

    private sealed record Host(WebApplication App, HttpClient Http) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
