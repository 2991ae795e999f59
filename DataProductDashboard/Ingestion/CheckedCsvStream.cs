namespace DataProductDashboard.Ingestion;

/// <summary>A read-only stream over a CSV file that runs <see cref="CsvShapeCheck"/> on each block as the parser reads
/// it, so a NUL byte, an over-long value or row is refused naming its row and column without the file ever being held
/// whole in memory.</summary>
internal sealed class CheckedCsvStream(Stream inner, CsvShapeCheck.Scanner scanner) : Storage.ForwardReadStream
{
    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        scanner.Feed(buffer[..read]);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
