using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Time.Testing;
using OversightBot.Hosting;
using OversightBot.Testing;
using OversightBot.Web;

namespace OversightBot.Tests;

/// <summary>The scheduler inside the web host delivers to the web chat inbox; the page reads it from /api/notifications.</summary>
public sealed class NotificationEndpointTests : IAsyncLifetime
{
    private const string Olivia = "olivia.officer@example.org";
    private readonly TempFolder _folder = new();
    private WebApplication? _app;
    private HttpClient _http = new();

    public async Task InitializeAsync()
    {
        // Monday 6 February 2023, 10:00 London: R-5 (owned by Olivia's directorate) is due today.
        var clock = new FakeTimeProvider(new DateTimeOffset(2023, 2, 6, 10, 0, 0, TimeSpan.Zero));
        _app = await WebHost.BuildAsync(["--urls", "http://127.0.0.1:0"], new StorageOptions { Path = _folder.File("web.db") }, clock, CancellationToken.None);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    [Fact]
    public async Task Notifications_ShowTheSignedInPersonsNudges_WithTheirActions()
    {
        var sw = Stopwatch.StartNew();
        JsonElement list;
        do
        {
            await Task.Delay(50);
            using var doc = JsonDocument.Parse(await _http.GetStringAsync(new Uri($"/api/notifications?as={Olivia}", UriKind.Relative)));
            list = doc.RootElement.Clone();
        }
        while (list.GetArrayLength() == 0 && sw.Elapsed < TimeSpan.FromSeconds(15));

        var r5 = list.EnumerateArray().Single(n => n.GetProperty("key").GetString()!.StartsWith("nudge:R-5:2023-02-06:0:", StringComparison.Ordinal));
        Assert.Equal("R-5 is due today", r5.GetProperty("message").GetProperty("heading").GetString());
        Assert.Equal(
            ["mark R-5 done", "note on R-5: ", "move R-5 to ", "snooze R-5 for a week"],
            r5.GetProperty("message").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task Notifications_NeedAKnownPerson()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync(new Uri("/api/notifications", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(new Uri("/api/notifications?as=nobody@example.org", UriKind.Relative))).StatusCode);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _folder.Dispose();
    }
}
