using System.Net.Sockets;
using System.Text;

namespace OversightBot.Tests.Edge;

/// <summary>One web host (Teams in development mode, demo data) shared by the attack corpus and the fuzz run.</summary>
public sealed class EdgeHost : IAsyncLifetime
{
    /// <summary>An activity envelope whose replies go nowhere (a host the bot may not send to), so nothing waits on the network.</summary>
    public const string Envelope = "\"serviceUrl\":\"https://connector.invalid/\",\"channelId\":\"msteams\",\"conversation\":{\"id\":\"a:c1\"},\"recipient\":{\"id\":\"28:bot\"}";

    public LoopbackBot Bot { get; private set; } = null!;

    public HttpClient Http => Bot.Http;

    public async Task InitializeAsync() => Bot = await LoopbackBot.StartAsync(new DateTimeOffset(2023, 3, 1, 10, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await Bot.DisposeAsync();

    public async Task<int> PostAsync(string path, string json)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new("application/json");
        using var res = await Http.PostAsync(path, content);
        return (int)res.StatusCode;
    }

    public async Task<int> PostBytesAsync(string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var res = await Http.PostAsync(path, content);
        return (int)res.StatusCode;
    }

    /// <summary>Sends raw HTTP/1.1 text (for framing no client library would produce) and returns the status code.</summary>
    public async Task<int> RawAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Http.BaseAddress!.Host, Http.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var status = await reader.ReadLineAsync(timeout.Token) ?? "";
        var parts = status.Split(' ');
        return parts.Length > 1 && int.TryParse(parts[1], out var code) ? code : 0;
    }
}
