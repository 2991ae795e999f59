using System.Buffers;
using System.Globalization;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Ingestion;

/// <summary>One vectorized pass over the raw bytes before Sep parses them: a NUL byte, a value longer than
/// <see cref="CsvLimits.MaxFieldBytes"/> or a row longer than <see cref="CsvLimits.MaxRowBytes"/> is refused naming its
/// row (the line of the file where the row starts; the header is row 1) and column, instead of reaching the parser.</summary>
internal static class CsvShapeCheck
{
    private static readonly SearchValues<byte> Specials = SearchValues.Create(",\"\n\0"u8);

    /// <summary>Checks <paramref name="span"/> (UTF-8 without a BOM), naming columns by its first line.</summary>
    public static void Check(ReadOnlySpan<byte> span, string fileName) => Check(span, HeaderNames(span), fileName);

    /// <summary>The names of the first line, as written (for messages before Sep has read the header).</summary>
    public static string[] HeaderNames(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)'\n');
        var first = end < 0 ? bytes : bytes[..end];
        first = first[..Math.Min(first.Length, 64 * 1024)];
        return System.Text.Encoding.UTF8.GetString(first).TrimEnd('\r').Split(',').Select(n => n.Trim().Trim('"')).ToArray();
    }

    public static void Check(ReadOnlySpan<byte> span, IReadOnlyList<string> header, string fileName)
    {
        var line = 1;
        var rowLine = 1;
        var column = 0;
        var fieldStart = 0;
        var rowStart = 0;
        var quoted = false;
        var i = 0;
        while (true)
        {
            var next = span[i..].IndexOfAny(Specials);
            var position = next < 0 ? span.Length : i + next;
            if (position - fieldStart > CsvLimits.MaxFieldBytes)
            {
                var hint = quoted ? " (a quoted value that is never closed — a missing \" — also reads as one long value)" : "";
                Throw(rowLine, Name(header, column), $"the value is longer than the limit of {CsvLimits.FieldLimitText} per value{hint}", fileName);
            }
            if (position - rowStart > CsvLimits.MaxRowBytes)
                Throw(rowLine, null, $"the row is longer than the limit of {CsvLimits.RowLimitText} per row", fileName);
            if (next < 0)
                return;
            switch (span[position])
            {
                case 0:
                    Throw(rowLine, Name(header, column), "the value contains a NUL byte (0x00), which CSV text cannot hold; the file is probably binary or UTF-16 — save it as CSV UTF-8", fileName);
                    break;
                case (byte)'"':
                    quoted = !quoted;
                    break;
                case (byte)',' when !quoted:
                    column++;
                    fieldStart = position + 1;
                    break;
                case (byte)'\n':
                    line++;
                    if (!quoted)
                    {
                        rowLine = line;
                        column = 0;
                        fieldStart = rowStart = position + 1;
                    }
                    break;
            }
            i = position + 1;
        }
    }

    private static string Name(IReadOnlyList<string> header, int column) =>
        column < header.Count ? header[column] : string.Create(CultureInfo.InvariantCulture, $"#{column + 1}");

    private static void Throw(int row, string? column, string message, string fileName)
    {
        var key = column is null ? $"row {row}" : CsvErrorCollector.CellKey(row, column);
        throw new InputValidationException($"'{fileName}' cannot be read: {key}: {message}.",
            new Dictionary<string, string[]> { [key] = [message] });
    }
}
