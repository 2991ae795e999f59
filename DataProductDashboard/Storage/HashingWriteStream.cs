using System.Security.Cryptography;

namespace DataProductDashboard.Storage;

/// <summary>A write-only stream that counts and hashes (SHA-256) what passes through it to <paramref name="inner"/>,
/// and throws <paramref name="tooLarge"/> once more than <paramref name="limit"/> bytes were written. The inner stream
/// is not disposed with it.</summary>
internal sealed class HashingWriteStream(Stream inner, long limit, Func<Exception> tooLarge) : Stream
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _written;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _written;
    public override long Position { get => _written; set => throw new NotSupportedException(); }

    /// <summary>Lower-case hex SHA-256 of everything written.</summary>
    public string Hash() => Convert.ToHexStringLower(_sha.GetCurrentHash());

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Count(buffer);
        inner.Write(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Count(buffer.Span);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    private void Count(ReadOnlySpan<byte> buffer)
    {
        _written += buffer.Length;
        if (_written > limit)
            throw tooLarge();
        _sha.AppendData(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _sha.Dispose();
        base.Dispose(disposing);
    }
}
