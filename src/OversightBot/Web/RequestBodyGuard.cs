using OversightBot.Hosting;

namespace OversightBot.Web;

/// <summary>
/// A request body the server cannot read (malformed or overflowing chunked encoding, a connection cut mid-body)
/// is the caller's fault: 400 with a reason, never a 500. Only failures of the request body itself are turned
/// into 400; everything else goes on as it was.
/// </summary>
public sealed class RequestBodyGuard(RequestDelegate next, ILogger<RequestBodyGuard> log)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var original = http.Request.Body;
        http.Request.Body = new GuardedBody(original);
        try
        {
            await next(http);
        }
        catch (UnreadableBodyException ex) when (!http.Response.HasStarted)
        {
            log.LogInformation(HostLogEvents.UnreadableBody, "Refused a request whose body could not be read ({Status}): {Reason}", ex.Status, ex.Message);
            http.Response.Clear();
            http.Response.StatusCode = ex.Status;
            await http.Response.WriteAsJsonAsync(new { error = $"The request body could not be read: {ex.Message}" });
        }
        finally
        {
            http.Request.Body = original;
        }
    }

    /// <summary>Thrown in place of the server's error when reading the request body fails.</summary>
    private sealed class UnreadableBodyException(string message, int status, Exception inner) : IOException(message, inner)
    {
        public int Status { get; } = status;
    }

    /// <summary>The request body, with read failures marked as the caller's.</summary>
    private sealed class GuardedBody(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (Exception ex) when (Unreadable(ex) is { } status)
            {
                throw new UnreadableBodyException(ex.Message, status, ex);
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return inner.Read(buffer, offset, count);
            }
            catch (Exception ex) when (Unreadable(ex) is { } status)
            {
                throw new UnreadableBodyException(ex.Message, status, ex);
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private static int? Unreadable(Exception ex) => ex switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            IOException and not UnreadableBodyException => StatusCodes.Status400BadRequest,
            _ => null,
        };
    }
}
