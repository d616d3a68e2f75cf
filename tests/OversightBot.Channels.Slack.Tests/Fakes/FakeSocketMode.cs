using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OversightBot.Channels.Slack.Tests.Fakes;

/// <summary>
/// Slack's Socket Mode side on the fake's Kestrel: <c>apps.connections.open</c> (app-level token only) hands out
/// <c>ws://…/socket/{n}</c>; each connection gets <c>hello</c> at once, then whatever the test sends, and keeps every
/// text message the client sends (acknowledgements).
/// </summary>
public sealed class FakeSocketMode
{
    private int _count;

    public ConcurrentQueue<FakeSocket> Connections { get; } = new();

    public static bool IsAppToken(string? token) => token?.StartsWith("xapp-", StringComparison.Ordinal) == true;

    public JsonObject Open(Uri baseUrl)
    {
        var n = Interlocked.Increment(ref _count);
        var ws = new UriBuilder(baseUrl) { Scheme = "ws", Path = $"socket/{n}", Query = "ticket=t" + n };
        return new JsonObject { ["ok"] = true, ["url"] = ws.Uri.ToString() };
    }

    public void Map(WebApplication app)
    {
        app.UseWebSockets();
        app.Map("/socket/{n}", async (HttpContext http, int n) =>
        {
            if (!http.WebSockets.IsWebSocketRequest)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            var connection = new FakeSocket(n, socket);
            Connections.Enqueue(connection);
            await connection.SendAsync(new JsonObject
            {
                ["type"] = "hello",
                ["num_connections"] = 1,
                ["debug_info"] = new JsonObject { ["host"] = "fake-socket-mode", ["approximate_connection_time"] = 18060 },
                ["connection_info"] = new JsonObject { ["app_id"] = "A1" },
            });
            await connection.ReadUntilClosedAsync(http.RequestAborted);
        });
    }

    public async Task<FakeSocket> WaitForConnectionAsync(int number, int timeoutMs = 10_000)
    {
        for (var waited = 0; waited < timeoutMs; waited += 20)
        {
            if (Connections.FirstOrDefault(c => c.Number == number) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Socket Mode connection {number} never came");
    }
}

/// <summary>One Socket Mode WebSocket as the fake Slack sees it.</summary>
public sealed class FakeSocket(int number, WebSocket socket)
{
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Number => number;
    public ConcurrentQueue<(DateTimeOffset At, JsonObject Message)> Received { get; } = new();
    /// <summary>Completes when the client closed the socket (or it broke).</summary>
    public Task Closed => _closed.Task;

    public async Task SendAsync(JsonObject message)
    {
        await _sending.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    public async Task<(DateTimeOffset At, JsonObject Message)> WaitForAsync(Func<JsonObject, bool> match, int timeoutMs = 10_000)
    {
        for (var waited = 0; waited < timeoutMs; waited += 10)
        {
            if (Received.FirstOrDefault(r => match(r.Message)) is { Message: not null } found)
            {
                return found;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"Socket {number} never received the expected message");
    }

    internal async Task ReadUntilClosedAsync(CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, ct);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }

                if (JsonNode.Parse(message.ToArray()) is JsonObject received)
                {
                    Received.Enqueue((DateTimeOffset.UtcNow, received));
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            _closed.TrySetResult();
        }
    }
}
