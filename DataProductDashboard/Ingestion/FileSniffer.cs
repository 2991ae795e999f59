using System.Text;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Ingestion;

/// <summary>Recognises, from a file's first bytes, files that are something other than a comma-separated table with a
/// header row — a workbook, a compressed file, Parquet, JSON, ARFF, a title line above the header — and says what was
/// seen and what to do, instead of the misleading "required column … is missing" they would otherwise get. Uploads
/// decompress gzip and convert Parquet on the way in (<see cref="Storage.ContentStore.ReceiveAsync"/>), so those two
/// are seen here only when a file reaches the reader some other way.</summary>
internal static class FileSniffer
{
    /// <summary>Throws <see cref="InputValidationException"/> naming what <paramref name="head"/> (a file's first bytes,
    /// after any UTF-8 byte-order mark) looks like, when it is not a CSV table.</summary>
    public static void Check(ReadOnlySpan<byte> head, string fileName)
    {
        if (Describe(head, fileName) is { } problem)
            throw new InputValidationException("file", problem);
    }

    public static string? Describe(ReadOnlySpan<byte> head, string fileName)
    {
        if (head.StartsWith("PK\u0003\u0004"u8))
            return $"'{fileName}' is a zip archive (an Excel .xlsx workbook, perhaps), not CSV text; save the sheet as \"CSV UTF-8\" and send that.";
        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
            return $"'{fileName}' is an Excel 97–2003 workbook (.xls), not CSV text; save the sheet as \"CSV UTF-8\" and send that.";
        if (head.StartsWith(new byte[] { 0x1F, 0x8B }))
            return $"'{fileName}' is gzip-compressed; decompress it (gunzip) and send the CSV inside.";
        if (head.StartsWith("PAR1"u8))
            return $"'{fileName}' is a Parquet file, which is read only as an upload (it is converted to CSV on the way in); upload it, or export it as CSV with a header row.";
        var text = Encoding.UTF8.GetString(head[..Math.Min(head.Length, 8192)]);
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
            return $"'{fileName}' looks like JSON ('{Excerpt(trimmed)}'), not CSV; send the rows as CSV with a header row naming the columns.";
        var lines = text.Split('\n', 6).Select(l => l.TrimEnd('\r')).ToArray();
        var firstContent = lines.FirstOrDefault(l => l.Length > 0 && !l.StartsWith('%')) ?? "";
        if (firstContent.StartsWith("@relation", StringComparison.OrdinalIgnoreCase) || firstContent.StartsWith("@attribute", StringComparison.OrdinalIgnoreCase))
            return $"'{fileName}' is an ARFF file (Weka: '{Excerpt(firstContent)}'); write its @attribute names as a header row and the lines after @data below it, as CSV.";
        // A title or banner line above the header: row 1 has no comma, row 2 (a header or data) has several.
        if (lines.Length >= 3 && !lines[0].Contains(',') && lines[0].Length > 0 && Count(lines[1], ',') >= 2
            && Count(lines[1], ',') == Count(lines[2], ',') && Count(lines[1], ';') < Count(lines[1], ','))
            return $"Row 1 of '{fileName}' ('{Excerpt(lines[0])}') is not a header: it has no comma, while row 2 has {Count(lines[1], ',') + 1} comma-separated values. Remove the lines above the header row.";
        return null;
    }

    private static int Count(string line, char c) => line.Count(x => x == c);

    private static string Excerpt(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length > 40 ? line[..40] + "…" : line;
    }
}
