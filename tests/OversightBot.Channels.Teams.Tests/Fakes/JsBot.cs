using System.Diagnostics;
using OversightBot.Testing;

namespace OversightBot.Channels.Teams.Tests.Fakes;

/// <summary>tests/peers/botbuilder-bot.js (the official JS SDK's CloudAdapter) running on a loopback port.</summary>
public sealed class JsBot : IAsyncDisposable
{
    private readonly Process _process;

    private JsBot(Process process, Uri messages)
    {
        _process = process;
        MessagesUrl = messages;
    }

    public Uri MessagesUrl { get; }

    public static async Task<JsBot> StartAsync(string mode, string appId, string metadataUrl)
    {
        var port = Loopback.FreePort();
        var process = NodePeers.Start("botbuilder-bot.js", new Dictionary<string, string>
        {
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["APP_ID"] = appId,
            ["METADATA_URL"] = metadataUrl,
            ["MODE"] = mode,
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("listening", StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                return new JsBot(process, new Uri($"http://127.0.0.1:{port}/api/messages"));
            }
        }

        throw new InvalidOperationException("botbuilder-bot.js did not start: " + await process.StandardError.ReadToEndAsync(CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
