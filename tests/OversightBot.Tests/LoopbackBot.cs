using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Time.Testing;
using OversightBot.Hosting;
using OversightBot.Testing;
using OversightBot.Web;

namespace OversightBot.Tests;

/// <summary>The real web host on Kestrel at a free loopback port, a fresh LiteDB file with the demo data, and a fake clock.</summary>
public sealed class LoopbackBot : IAsyncDisposable
{
    private readonly TempFolder _folder;
    private readonly WebApplication _app;

    private LoopbackBot(TempFolder folder, WebApplication app, HttpClient http, FakeTimeProvider clock)
    {
        _folder = folder;
        _app = app;
        Http = http;
        Clock = clock;
    }

    public HttpClient Http { get; }

    public FakeTimeProvider Clock { get; }

    /// <param name="settings">Extra command-line settings, e.g. "--Web:TrustedProxies:0=127.0.0.1".</param>
    public static async Task<LoopbackBot> StartAsync(DateTimeOffset now, params string[] settings)
    {
        var folder = new TempFolder();
        var clock = new FakeTimeProvider(now);
        var app = await WebHost.BuildAsync(["--urls", "http://127.0.0.1:0", .. settings], new StorageOptions { Path = folder.File("web.db") }, clock, CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackBot(folder, app, new HttpClient { BaseAddress = new Uri(address) }, clock);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}
