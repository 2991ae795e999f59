using System.Text;

namespace DataProductDashboard.Services.Exports;

/// <summary>Writes a whole CSV export with <see cref="CsvExportWriter"/>: the header, then one row per item as
/// <c>writeRow</c> fills its cells (in column order).</summary>
public static class CsvExport
{
    private const int DrainAt = 32 * 1024;

    /// <summary>The export as text.</summary>
    public static string Write<T>(IReadOnlyList<string> columns, IEnumerable<T> rows, Action<CsvExportWriter, T> writeRow)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writeRow);
        using var csv = new CsvExportWriter(columns);
        foreach (var row in rows)
        {
            writeRow(csv, row);
            csv.EndRow();
        }
        return csv.ToString();
    }

    /// <summary>Streams the export to <paramref name="output"/> as UTF-8 (no byte order mark) with asynchronous writes
    /// only, as an HTTP response body needs; the stream stays open.</summary>
    public static async Task WriteAsync<T>(Stream output, IReadOnlyList<string> columns, IAsyncEnumerable<T> rows,
        Action<CsvExportWriter, T> writeRow, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writeRow);
        using var csv = new CsvExportWriter(columns);
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        await foreach (var row in rows.WithCancellation(ct))
        {
            writeRow(csv, row);
            csv.EndRow();
            if (csv.BufferedLength >= DrainAt)
                await csv.DrainToAsync(text, ct);
        }
        await csv.DrainToAsync(text, ct);
        await text.FlushAsync(ct);
    }
}
