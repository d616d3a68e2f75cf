namespace OversightBot.Storage.LiteDb;

/// <summary>
/// A file opened for reading that refuses every write: what LiteDB is given when a store is checked, so that
/// nothing it does on a damaged file (LiteDB truncates files it cannot make sense of) can change it.
/// </summary>
internal sealed class ReadOnlyFile(string path) : Stream
{
    private readonly FileStream _inner = new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("This file is only read.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("This file is only read.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
