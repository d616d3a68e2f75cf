using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace OversightBot.Channels.Http;

/// <summary>A request body read as its exact bytes (Slack signs them), or why it was not.</summary>
public sealed record RawBodyResult(byte[]? Bytes, bool TooLarge)
{
    public bool Ok => Bytes is not null;
}

/// <summary>
/// The one size-limited reader of request bodies for every endpoint (channels and web chat): refuses a declared
/// Content-Length over the limit before reading, stops reading as soon as the limit is passed (a chunked body
/// never grows past it in memory), and hands back the bytes exactly as sent.
/// </summary>
public static class RawBody
{
    public static async Task<RawBodyResult> ReadAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (request.ContentLength > limit)
        {
            return new RawBodyResult(null, true);
        }

        var capacity = (int)Math.Min(request.ContentLength ?? 4096, limit);
        using var buffer = new MemoryStream(capacity);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, Math.Min(chunk.Length, limit + 1 - (int)buffer.Length)), ct)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return new RawBodyResult(null, true);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new RawBodyResult(buffer.ToArray(), false);
    }
}
