using System.Net.WebSockets;
using System.Text;

namespace OversightBot.Channels.Slack.SocketMode;

/// <summary>Whole text messages over a WebSocket (frames joined; at most 1 MB each).</summary>
internal sealed class SocketMessages(WebSocket socket) : IDisposable
{
    private const int MaxMessageBytes = 1024 * 1024;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private readonly SemaphoreSlim _sending = new(1, 1);

    /// <summary>The next text message, or null when the socket closed.</summary>
    public async Task<string?> ReceiveAsync(CancellationToken ct)
    {
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(_buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(_buffer, 0, result.Count);
            if (message.Length > MaxMessageBytes)
            {
                return null;
            }

            if (result.EndOfMessage)
            {
                return result.MessageType == WebSocketMessageType.Text ? Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length) : "";
            }
        }
    }

    public void Dispose() => _sending.Dispose();

    public async Task SendAsync(string text, CancellationToken ct)
    {
        await _sending.WaitAsync(ct);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, ct);
        }
        finally
        {
            _sending.Release();
        }
    }
}
