namespace DataProductDashboard.Ingestion;

/// <summary>A read-only stream over a CSV file that runs <see cref="CsvShapeCheck"/> on each block as the parser reads
/// it, so a NUL byte, an over-long value or row is refused naming its row and column without the file ever being held
/// whole in memory.</summary>
internal sealed class CheckedCsvStream(Stream inner, CsvShapeCheck.Scanner scanner) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        scanner.Feed(buffer[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
