using System.Globalization;
using System.Text;
using System.Text.Unicode;
using DataProductDashboard.Domain;
using nietras.SeparatedValues;

namespace DataProductDashboard.Ingestion;

/// <summary>Reads a delimited UTF-8 file — comma, semicolon, tab or '|', whichever its header line uses most — (parsed by Sep) into typed columns, checking it against the product
/// schema. Every problem names its row (the line of the file; the header is row 1) and column. Nothing partial is
/// returned: a file with any problem raises <see cref="InputValidationException"/>.</summary>
public static class CsvBatchReader
{
    private const int MaxErrors = 50;
    private const int HeadBytes = 64 * 1024;
    private const long CountBelowBytes = 32L << 20;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ParsedCsv Read(ReadOnlyMemory<byte> content, string fileName, ProductSchema schema, CsvReadMode mode,
        TimeZoneInfo? zone = null, CancellationToken ct = default)
    {
        var bytes = CheckEncoding(content, fileName);
        var delimiter = CsvShapeCheck.DelimiterOf(bytes.Span);
        CsvShapeCheck.Check(bytes.Span, delimiter, fileName);
        HeaderRowCheck.Check(bytes.Span, delimiter, fileName, schema);
        using var reader = Sep.New(delimiter).Reader(Options).From(new ReadOnlyMemoryStream(bytes));
        // Data rows = line breaks − the header's (+ 1 when the last line has none): arrays sized once, no copies.
        var span = bytes.Span;
        var rows = span.Count((byte)'\n') - 1 + (span[^1] == (byte)'\n' ? 0 : 1);
        ParsedCsv? whole = null;
        ReadRows(reader, Math.Max(rows, 1), fileName, schema, mode, zone, int.MaxValue, chunk => whole = chunk, ct);
        return whole!;
    }

    /// <summary>Reads a UTF-8 file from disk without holding its bytes in memory, with exactly the checks of
    /// <see cref="Read"/> (for audits of stored files and benchmarks).</summary>
    public static ParsedCsv ReadFile(string path, string fileName, ProductSchema schema, CsvReadMode mode, TimeZoneInfo? zone = null,
        CancellationToken ct = default)
    {
        ParsedCsv? whole = null;
        ReadFileChunks(path, fileName, schema, mode, int.MaxValue, chunk => whole = chunk, zone, ct);
        return whole!;
    }

    /// <summary>Reads a UTF-8 file from disk block by block and hands its rows over in chunks of at most
    /// <paramref name="chunkRows"/> (each with its <see cref="ParsedCsv.FirstRow"/>), so memory holds one chunk however
    /// long the file is. Every check of <see cref="Read"/> runs; a file with any problem raises
    /// <see cref="InputValidationException"/> after the chunks read before the problem were handed over (no chunk
    /// holding a bad row is), so a caller that stores chunks must do so in a transaction it can roll back.
    /// Returns the number of data rows.</summary>
    public static int ReadFileChunks(string path, string fileName, ProductSchema schema, CsvReadMode mode, int chunkRows,
        Action<ParsedCsv> onChunk, TimeZoneInfo? zone = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkRows, 1);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var head = new byte[(int)Math.Min(file.Length, HeadBytes)];
        file.ReadExactly(head);
        var start = CheckHead(head, file.Length, fileName);
        var content = head.AsSpan(start);
        var delimiter = CsvShapeCheck.DelimiterOf(content);
        HeaderRowCheck.Check(content, delimiter, fileName, schema);
        var scanner = new CsvShapeCheck.Scanner(CsvShapeCheck.HeaderNames(content, delimiter), fileName, delimiter);
        // Column arrays are sized once: to the row count (a fast vectorized pass) when the file is read whole or fits
        // in a chunk or two, else to a chunk.
        var capacity = chunkRows == int.MaxValue || file.Length <= CountBelowBytes ? Math.Min(chunkRows, CountDataRows(file)) : chunkRows;
        file.Position = start;
        try
        {
            using var text = new StreamReader(new CheckedCsvStream(file, scanner), StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            using var reader = Sep.New(delimiter).Reader(Options).From(text);
            return ReadRows(reader, capacity, fileName, schema, mode, zone, chunkRows, onChunk, ct);
        }
        catch (DecoderFallbackException)
        {
            throw InvalidUtf8(path, start, fileName);
        }
    }

    /// <summary>Reads the header and the first <paramref name="maxRows"/> rows of a file as text cells, trimmed and
    /// unquoted exactly as <see cref="ReadFileChunks"/> reads them, with its checks of encoding, shape and header (no
    /// schema: for inferring one). A header that looks like data (<see cref="HeaderRowCheck"/>), or one column holding
    /// another delimiter, is refused with what was seen.</summary>
    public static CsvSample ReadSample(string path, string fileName, int maxRows, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var head = new byte[(int)Math.Min(file.Length, HeadBytes)];
        file.ReadExactly(head);
        var start = CheckHead(head, file.Length, fileName);
        var delimiter = CsvShapeCheck.DelimiterOf(head.AsSpan(start));
        HeaderRowCheck.Check(head.AsSpan(start), delimiter, fileName, schema: null);
        var scanner = new CsvShapeCheck.Scanner(CsvShapeCheck.HeaderNames(head.AsSpan(start), delimiter), fileName, delimiter);
        file.Position = start;
        try
        {
            using var text = new StreamReader(new CheckedCsvStream(file, scanner), StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            using var reader = Sep.New(delimiter).Reader(Options).From(text);
            var header = reader.Header.ColNames.Select(h => h.TrimStart('\uFEFF')).ToArray();
            if (header.Any(string.IsNullOrWhiteSpace))
                throw new InputValidationException("header", $"Row 1 of '{fileName}' has an empty column name (column {Array.FindIndex(header, string.IsNullOrWhiteSpace) + 1}); row 1 must name every column.");
            var rows = new List<string[]>();
            var errors = new Dictionary<string, string[]>();
            var truncated = false;
            foreach (var row in reader)
            {
                if (rows.Count == maxRows)
                {
                    truncated = true; // a row past the sample exists
                    break;
                }
                if ((rows.Count & 0x3FF) == 0)
                    ct.ThrowIfCancellationRequested();
                if (IsBlankLine(row, header.Length))
                    continue;
                if (row.ColCount != header.Length)
                {
                    errors[$"row {row.LineNumberFrom}"] = [$"expected {header.Length} values (one per header column) but found {row.ColCount}"];
                    if (errors.Count == MaxErrors)
                        break;
                    continue;
                }
                var cells = new string[header.Length];
                for (var i = 0; i < cells.Length; i++)
                    cells[i] = row[i].ToString();
                rows.Add(cells);
            }
            if (errors.Count > 0)
                throw new InputValidationException($"'{fileName}' has rows that do not match its header: {string.Join("; ", errors.Take(3).Select(e => $"{e.Key}: {e.Value[0]}"))}.", errors);
            if (rows.Count == 0)
                throw new InputValidationException("row 2", $"'{fileName}' has a header but no data rows: row 1 names the columns and row 2 onwards is empty.");
            return new CsvSample(header, rows, truncated);
        }
        catch (DecoderFallbackException)
        {
            throw InvalidUtf8(path, start, fileName);
        }
    }

    /// <summary>The first bytes of a file are enough to refuse an empty, BOM-only, UTF-16 or binary file; returns where
    /// the text starts (after a UTF-8 byte-order mark).</summary>
    private static int CheckHead(ReadOnlySpan<byte> head, long length, string fileName)
    {
        var whole = head.Length == length;
        if (head.IsEmpty || (whole && head.Trim("\r\n\t "u8).IsEmpty))
            throw new InputValidationException("file", $"'{fileName}' is empty: row 1 should name the columns and the rows below hold the data.");
        FileSniffer.Check(head.StartsWith(Encoding.UTF8.Preamble) ? head[3..] : head, fileName);
        if (head.StartsWith(new byte[] { 0xFF, 0xFE }) || head.StartsWith(new byte[] { 0xFE, 0xFF }) || LooksUtf16(head))
            throw new InputValidationException("file", $"'{fileName}' is not UTF-8 text (it looks UTF-16 encoded or binary); save it as CSV UTF-8 (UTF-16 is read only when it starts with its byte-order mark).");
        var start = head.StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        if (whole && head[start..].Trim("\r\n\t "u8).IsEmpty)
            throw new InputValidationException("file", $"'{fileName}' is empty: it holds only a UTF-8 byte-order mark, no header (row 1) and no data rows.");
        return start;
    }

    /// <summary>The error for a file the decoder found not to be UTF-8, naming the row of the first bad byte (found by
    /// a second pass that runs only on this error path).</summary>
    private static InputValidationException InvalidUtf8(string path, int start, string fileName)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        file.Position = start;
        var buffer = new byte[(1 << 20) + 4];
        Span<char> sink = stackalloc char[1024];
        var carried = 0;
        long lines = 0;
        while (true)
        {
            var read = file.Read(buffer, carried, 1 << 20);
            var block = buffer.AsSpan(0, carried + read);
            var consumed = 0;
            var status = System.Buffers.OperationStatus.DestinationTooSmall;
            while (status == System.Buffers.OperationStatus.DestinationTooSmall)
            {
                status = Utf8.ToUtf16(block[consumed..], sink, out var bytes, out _, replaceInvalidSequences: false, isFinalBlock: read == 0);
                consumed += bytes;
            }
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                var row = lines + block[..consumed].Count((byte)'\n') + 1;
                return new InputValidationException($"row {row}",
                    $"'{fileName}' is not valid UTF-8: row {row} has the byte 0x{block[consumed]:X2} (perhaps Latin-1 / Windows-1252); save it as CSV UTF-8.");
            }
            if (read == 0)
                return new InputValidationException("file", $"'{fileName}' is not valid UTF-8; save it as CSV UTF-8.");
            lines += block[..consumed].Count((byte)'\n');
            block[consumed..].CopyTo(buffer);
            carried = block.Length - consumed;
        }
    }

    private static int CountDataRows(Stream stream)
    {
        stream.Position = 0;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            long breaks = 0;
            var last = (byte)'\n';
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                breaks += buffer.AsSpan(0, read).Count((byte)'\n');
                last = buffer[read - 1];
            }
            return (int)Math.Clamp(breaks - 1 + (last == (byte)'\n' ? 0 : 1), 1, int.MaxValue / 2);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>An empty line (a file's trailing blank line, as UCI files end) holds no row and is skipped, as pandas
    /// does; in a one-column file an empty line is an empty value, so it counts there.</summary>
    private static bool IsBlankLine(SepReader.Row row, int columns) =>
        columns > 1 && row.ColCount == 1 && row.Span.Trim().IsEmpty;

    private static SepReaderOptions Options(SepReaderOptions o) => o with { Unescape = true, DisableColCountCheck = true, Trim = SepTrim.Outer };

    private static int ReadRows(SepReader reader, int capacity, string fileName, ProductSchema schema, CsvReadMode mode, TimeZoneInfo? zone,
        int chunkRows, Action<ParsedCsv> onChunk, CancellationToken ct)
    {
        var header = reader.Header.ColNames.Select(h => h.TrimStart('\uFEFF')).ToArray();
        var columns = MapHeader(header, fileName, schema, mode);
        var errors = new CsvErrorCollector(MaxErrors);
        var parsers = columns.Select(c => ColumnParser.For(c.Spec, schema.MarkersFor(c.Spec), c.Index, errors, Math.Min(capacity, chunkRows), zone)).ToArray();
        // Composed event times (year, month, day[, hour] columns → one UTC time): batches are timed by them, and training
        // holds out its latest rows by them.
        var composers = ComposedTimeParser.For(schema, columns.Select((c, i) => (c.Spec.Name, Parser: parsers[i])).ToDictionary(p => p.Name, p => p.Parser, StringComparer.Ordinal),
            errors, Math.Min(capacity, chunkRows), zone ?? TimeZoneInfo.Utc);
        var hasLabels = schema.Label is { } label && columns.Any(c => c.Spec.Name == label.Name);

        var rows = 0;
        var chunkStart = 0;
        foreach (var row in reader)
        {
            if ((rows & 0xFFFF) == 0)
                ct.ThrowIfCancellationRequested();
            var line = row.LineNumberFrom;
            if (IsBlankLine(row, header.Length))
                continue;
            if (row.ColCount != header.Length)
            {
                errors.Add($"row {line}", row.LineNumberToExcl - line > 1
                    ? $"a quoted value that starts on row {line} is never closed (a missing \")"
                    : $"expected {header.Length} values (one per header column) but found {row.ColCount}");
            }
            else
            {
                foreach (var parser in parsers)
                    parser.Parse(row, rows - chunkStart, line);
                foreach (var composer in composers)
                    composer.Compose(rows - chunkStart, line);
            }
            rows++;
            if (errors.IsFull)
                break;
            if (rows - chunkStart == chunkRows)
            {
                // A chunk with a bad row is never handed over; after one, the rest is read only to report its problems.
                var chunk = Take(parsers, composers, chunkRows, chunkStart, schema, hasLabels, more: true);
                if (!errors.HasErrors)
                    onChunk(chunk);
                chunkStart = rows;
            }
        }

        if (rows == 0 && !errors.HasErrors)
            throw new InputValidationException("row 2", $"'{fileName}' has a header but no data rows: row 1 names the columns and row 2 onwards is empty.");
        if (errors.HasErrors)
            throw new InputValidationException(errors.Summary(fileName), errors.ToDictionary());
        if (rows > chunkStart)
            onChunk(Take(parsers, composers, rows - chunkStart, chunkStart, schema, hasLabels, more: false));
        return rows;
    }

    /// <summary>The rows parsed since the last chunk, as a table; the parsers start over with fresh arrays.</summary>
    private static ParsedCsv Take(ColumnParser[] parsers, ComposedTimeParser[] composers, int rows, int firstRow, ProductSchema schema,
        bool hasLabels, bool more)
    {
        var table = new ColumnTable(rows);
        foreach (var parser in parsers)
            parser.TakeInto(table, rows, more);
        foreach (var composer in composers)
            composer.TakeInto(table, rows, more);
        var keyColumn = schema.RowKey is { } key && table.TryGetStrings(key.Name, out var keys) ? keys : null;
        return new ParsedCsv(table, keyColumn, hasLabels, firstRow);
    }

    /// <summary>Rejects empty (or BOM-only), UTF-16 / binary, NUL-holding, over-long and non-UTF-8 content; returns the
    /// bytes without a UTF-8 BOM.</summary>
    private static ReadOnlyMemory<byte> CheckEncoding(ReadOnlyMemory<byte> content, string fileName)
    {
        var span = content.Span;
        if (span.IsEmpty || span.Trim("\r\n\t "u8).IsEmpty)
            throw new InputValidationException("file", $"'{fileName}' is empty: row 1 should name the columns and the rows below hold the data.");
        FileSniffer.Check(span.StartsWith(Encoding.UTF8.Preamble) ? span[3..] : span, fileName);
        if (span.StartsWith(new byte[] { 0xFF, 0xFE }) || span.StartsWith(new byte[] { 0xFE, 0xFF }) || LooksUtf16(span))
            throw new InputValidationException("file", $"'{fileName}' is not UTF-8 text (it looks UTF-16 encoded or binary); save it as CSV UTF-8 (UTF-16 is read only when it starts with its byte-order mark).");
        if (span.StartsWith(Encoding.UTF8.Preamble))
            content = content[3..];
        span = content.Span;
        if (span.Trim("\r\n\t "u8).IsEmpty)
            throw new InputValidationException("file", $"'{fileName}' is empty: it holds only a UTF-8 byte-order mark, no header (row 1) and no data rows.");
        if (!Utf8.IsValid(span))
        {
            var offset = FirstInvalidUtf8Offset(span);
            var row = span[..offset].Count((byte)'\n') + 1;
            throw new InputValidationException($"row {row}",
                $"'{fileName}' is not valid UTF-8: row {row} has the byte 0x{span[offset]:X2} (perhaps Latin-1 / Windows-1252); save it as CSV UTF-8.");
        }
        return content;
    }

    /// <summary>UTF-16 text without a byte-order mark: every other byte of its start is NUL.</summary>
    private static bool LooksUtf16(ReadOnlySpan<byte> span)
    {
        var start = span[..Math.Min(span.Length, 4096)];
        return start.Length >= 4 && start.Count((byte)0) * 4 >= start.Length;
    }

    private static int FirstInvalidUtf8Offset(ReadOnlySpan<byte> span)
    {
        Span<char> sink = stackalloc char[1024];
        var consumed = 0;
        while (consumed < span.Length)
        {
            var status = Utf8.ToUtf16(span[consumed..], sink, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            consumed += read;
            if (status == System.Buffers.OperationStatus.InvalidData)
                return consumed;
            if (status == System.Buffers.OperationStatus.Done)
                break;
        }
        return Math.Min(consumed, span.Length - 1);
    }

    private static List<(ColumnSpec Spec, int Index)> MapHeader(string[] header, string fileName, ProductSchema schema, CsvReadMode mode)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var required = mode == CsvReadMode.Batch
            ? schema.RequiredInBatch.ToList()
            : schema.Features.Append(schema.Label ?? throw new InputValidationException("label", "The product schema has no label column to train on.")).ToList();
        var missing = required.Where(c => c.RequiredInHeader && Array.IndexOf(header, c.Name) < 0).ToList();
        var unknown = header.Where(h => schema.Find(h) is null).Distinct().ToList();
        var absent = schema.FileColumns.Where(c => Array.IndexOf(header, c.Name) < 0).Select(c => c.Name).ToList();
        foreach (var m in missing)
        {
            var hint = HeaderSuggestion.Closest(m.Name, unknown) is { } near ? $" (is '{near}' meant to be '{m.Name}'?)" : "";
            errors[$"column '{m.Name}'"] = [$"required column '{m.Name}' ({m.Kind}, {m.Role}) is missing from the header{hint}"];
        }
        if (mode == CsvReadMode.Batch)
        {
            foreach (var e in unknown)
            {
                var hint = HeaderSuggestion.Closest(e, absent) is { } near ? $"did you mean '{near}'? Otherwise remove it" : "remove it";
                errors[$"column '{e}'"] = [$"column '{e}' is not in the product schema; {hint} or add it to the schema"];
            }
            // A composed event time is computed from its parts; a file's own column of that name would contradict it.
            foreach (var c in schema.Columns.Where(c => c.IsComposed && Array.IndexOf(header, c.Name) >= 0))
                errors[$"column '{c.Name}'"] = [$"column '{c.Name}' is composed by the product from {string.Join(", ", c.ComposedOf!)}, so a file does not carry it; remove it"];
        }
        if (errors.Count > 0)
        {
            var summary = string.Join("; ", errors.Take(4).Select(e => e.Value[0]));
            throw new InputValidationException($"The header of '{fileName}' does not match the product schema: {summary}.", errors);
        }
        // A column a later schema version added, absent from this (older) file: read as missing (index -1).
        return schema.FileColumns
            .Select(c => (Spec: c, Index: Array.IndexOf(header, c.Name)))
            .Where(c => c.Index >= 0 || !c.Spec.RequiredInHeader && required.Contains(c.Spec))
            .ToList();
    }
}
