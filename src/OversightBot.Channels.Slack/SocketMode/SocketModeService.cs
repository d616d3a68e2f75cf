using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OversightBot.Channels.Slack.Api;

namespace OversightBot.Channels.Slack.SocketMode;

/// <summary>
/// Socket Mode (no public URL needed): <c>apps.connections.open</c> with the app-level token gives a WebSocket URL;
/// Slack sends envelopes over it and each is acknowledged with its <c>envelope_id</c> within 3 s. <c>disconnect</c>
/// (warning, refresh_requested) means connect again; <c>link_disabled</c> means stop and say so. A lost or silent
/// socket (nothing received for <see cref="SilenceLimit"/>) is replaced, with backoff between failed attempts.
/// </summary>
public sealed class SocketModeService(SlackApiClient api, SocketModeEnvelopes envelopes, TimeProvider clock, ILogger<SocketModeService> log) : BackgroundService
{
    public static TimeSpan SilenceLimit { get; set; } = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var end = SocketEnd.Failed;
            try
            {
                end = await ConnectOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or OperationCanceledException or JsonException && !stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(SlackLogEvents.SocketModeServiceWarning1, "Slack Socket Mode: connection lost ({Error})", ex.GetType().Name);
            }

            if (end == SocketEnd.Disabled)
            {
                log.LogError(SlackLogEvents.SocketModeServiceError2, "Slack Socket Mode: Slack disabled this app's connection (link_disabled); Socket Mode stops until restart");
                return;
            }

            failures = end == SocketEnd.Reconnect ? 0 : failures + 1;
            var wait = failures == 0 ? TimeSpan.Zero : Backoff(failures);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    internal static TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 500 * Math.Pow(2, Math.Min(failures, 10)) * (0.8 + (0.4 * Random.Shared.NextDouble()))));

    private async Task<SocketEnd> ConnectOnceAsync(CancellationToken ct)
    {
        var opened = await api.CallWithAppTokenAsync("apps.connections.open", ct);
        if (!opened.Ok || opened.Str("url") is not { } url)
        {
            log.LogWarning(SlackLogEvents.SocketModeServiceWarning3, "Slack Socket Mode: apps.connections.open failed ({Error})", opened.Error);
            return SocketEnd.Failed;
        }

        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        await socket.ConnectAsync(new Uri(url), ct);
        return await ReceiveLoopAsync(socket, ct);
    }

    private async Task<SocketEnd> ReceiveLoopAsync(ClientWebSocket socket, CancellationToken ct)
    {
        using var reader = new SocketMessages(socket);
        while (socket.State == WebSocketState.Open)
        {
            using var watchdog = CancellationTokenSource.CreateLinkedTokenSource(ct);
            watchdog.CancelAfter(SilenceLimit);
            string? text;
            try
            {
                text = await reader.ReceiveAsync(watchdog.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                log.LogWarning(SlackLogEvents.SocketModeServiceWarning4, "Slack Socket Mode: nothing received for {Limit}; reconnecting", SilenceLimit);
                return SocketEnd.Reconnect;
            }

            if (text is null)
            {
                return SocketEnd.Failed;
            }

            var end = await envelopes.HandleAsync(text, reply => reader.SendAsync(reply, ct), ct);
            if (end is { } stop)
            {
                await CloseQuietlyAsync(socket);
                return stop;
            }
        }

        return SocketEnd.Failed;
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnect", timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
    }
}

public enum SocketEnd
{
    /// <summary>Slack asked us to connect again (disconnect: warning or refresh_requested) or the socket went silent.</summary>
    Reconnect,
    Failed,
    /// <summary>link_disabled: the app's Socket Mode was turned off.</summary>
    Disabled,
}
