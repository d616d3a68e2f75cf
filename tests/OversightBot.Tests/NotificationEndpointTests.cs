using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace OversightBot.Tests;

/// <summary>The scheduler inside the web host delivers to the web chat inbox; the page reads it from /api/notifications.</summary>
public sealed class NotificationEndpointTests : IAsyncLifetime
{
    private const string Olivia = "olivia.officer@example.org";
    private LoopbackBot _bot = null!;

    private HttpClient Http => _bot.Http;

    public async Task InitializeAsync()
    {
        // Monday 6 February 2023, 10:00 London: R-5 (owned by Olivia's directorate) is due today.
        _bot = await LoopbackBot.StartAsync(new DateTimeOffset(2023, 2, 6, 10, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Notifications_ShowTheSignedInPersonsNudges_WithTheirActions()
    {
        // The scheduler delivers Olivia's catch-up nudges one a second (in no particular order): move the clock on
        // while waiting for R-5's.
        static bool IsR5(JsonElement n) => n.GetProperty("key").GetString()!.StartsWith("nudge:R-5:2023-02-06:0:", StringComparison.Ordinal);
        var sw = Stopwatch.StartNew();
        JsonElement list;
        do
        {
            await Task.Delay(50);
            _bot.Clock.Advance(TimeSpan.FromSeconds(1));
            using var doc = JsonDocument.Parse(await Http.GetStringAsync(new Uri($"/api/notifications?as={Olivia}", UriKind.Relative)));
            list = doc.RootElement.Clone();
        }
        while (!list.EnumerateArray().Any(IsR5) && sw.Elapsed < TimeSpan.FromSeconds(60));

        var r5 = list.EnumerateArray().Single(IsR5);
        Assert.Equal("R-5 is due today", r5.GetProperty("message").GetProperty("heading").GetString());
        Assert.Equal(
            ["mark R-5 done", "note on R-5: {note}", "move R-5 to {date} because {reason}", "snooze R-5 for a week"],
            r5.GetProperty("message").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task Notifications_NeedAKnownPerson()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await Http.GetAsync(new Uri("/api/notifications", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(new Uri("/api/notifications?as=nobody@example.org", UriKind.Relative))).StatusCode);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();
}
