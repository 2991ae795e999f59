using System.Buffers;
using System.Globalization;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Ingestion;

/// <summary>One vectorized pass over the raw bytes before Sep parses them: a NUL byte, a value longer than
/// <see cref="CsvLimits.MaxFieldBytes"/> or a row longer than <see cref="CsvLimits.MaxRowBytes"/> is refused naming its
/// row (the line of the file where the row starts; the header is row 1) and column, instead of reaching the parser.</summary>
internal static class CsvShapeCheck
{
    /// <summary>The delimiters a file may use; the one its header line holds most often (outside quotes) is its
    /// delimiter, ',' when it holds none.</summary>
    public static readonly char[] Delimiters = [',', ';', '\t', '|'];

    /// <summary>The delimiter of a file whose first bytes are <paramref name="bytes"/> (UTF-8 without a BOM).</summary>
    public static char DelimiterOf(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)'\n');
        var first = end < 0 ? bytes : bytes[..end];
        Span<int> counts = stackalloc int[Delimiters.Length];
        var quoted = false;
        foreach (var b in first)
        {
            if (b == (byte)'"')
                quoted = !quoted;
            else if (!quoted && Array.IndexOf(Delimiters, (char)b) is var i and >= 0)
                counts[i]++;
        }
        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
                best = i;
        }
        return Delimiters[best];
    }

    /// <summary>Checks <paramref name="span"/> (UTF-8 without a BOM), naming columns by its first line.</summary>
    public static void Check(ReadOnlySpan<byte> span, char delimiter, string fileName) => new Scanner(HeaderNames(span, delimiter), fileName, delimiter).Feed(span);

    /// <summary>The names of the first line, as written (for messages before Sep has read the header).</summary>
    public static string[] HeaderNames(ReadOnlySpan<byte> bytes, char delimiter)
    {
        var end = bytes.IndexOf((byte)'\n');
        var first = end < 0 ? bytes : bytes[..end];
        first = first[..Math.Min(first.Length, 64 * 1024)];
        return System.Text.Encoding.UTF8.GetString(first).TrimEnd('\r').Split(delimiter).Select(n => n.Trim().Trim('"')).ToArray();
    }

    /// <summary>The same check over a file read block by block (a stream): state carries over from one block to the
    /// next, so a value or row split across blocks is measured whole.</summary>
    public sealed class Scanner(IReadOnlyList<string> header, string fileName, char delimiter)
    {
        private readonly SearchValues<byte> _specials = SearchValues.Create([(byte)delimiter, (byte)'"', (byte)'\n', 0]);
        private readonly byte _delimiter = (byte)delimiter;
        private long _offset;
        private int _line = 1;
        private int _rowLine = 1;
        private int _column;
        private long _fieldStart;
        private long _rowStart;
        private bool _quoted;

        /// <summary>Checks the next bytes of the file (UTF-8 without a BOM).</summary>
        public void Feed(ReadOnlySpan<byte> span)
        {
            var i = 0;
            while (true)
            {
                var next = span[i..].IndexOfAny(_specials);
                var local = next < 0 ? span.Length : i + next;
                var position = _offset + local;
                if (position - _fieldStart > CsvLimits.MaxFieldBytes)
                {
                    var hint = _quoted ? " (a quoted value that is never closed — a missing \" — also reads as one long value)" : "";
                    Throw(_rowLine, Name(header, _column), $"the value is longer than the limit of {CsvLimits.FieldLimitText} per value{hint}", fileName);
                }
                if (position - _rowStart > CsvLimits.MaxRowBytes)
                    Throw(_rowLine, null, $"the row is longer than the limit of {CsvLimits.RowLimitText} per row", fileName);
                if (next < 0)
                {
                    _offset += span.Length;
                    return;
                }
                var special = span[local];
                if (special == _delimiter)
                {
                    if (!_quoted)
                    {
                        _column++;
                        _fieldStart = position + 1;
                    }
                    i = local + 1;
                    continue;
                }
                switch (special)
                {
                    case 0:
                        Throw(_rowLine, Name(header, _column), "the value contains a NUL byte (0x00), which CSV text cannot hold; the file is probably binary or UTF-16 — save it as CSV UTF-8", fileName);
                        break;
                    case (byte)'"':
                        _quoted = !_quoted;
                        break;
                    case (byte)'\n':
                        _line++;
                        if (!_quoted)
                        {
                            _rowLine = _line;
                            _column = 0;
                            _fieldStart = _rowStart = position + 1;
                        }
                        break;
                }
                i = local + 1;
            }
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
