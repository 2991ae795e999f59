using System.Globalization;
using System.Text;
using DataProductDashboard.Domain;
using nietras.SeparatedValues;
using Parquet;
using Parquet.Schema;

namespace DataProductDashboard.Storage;

/// <summary>Writes a flat Parquet file as UTF-8 CSV with a header row, row group by row group (memory holds one row
/// group), through Sep's writer (a value holding a comma, quote or line break is quoted). Values are written so the
/// app's CSV reader gives them back exactly: numbers in invariant culture and shortest round-trip form ("R" for double
/// and float), booleans true/false, timestamps as ISO 8601 UTC (yyyy-MM-ddTHH:mm:ss.FFFFFFFZ), dates yyyy-MM-dd, null
/// as an empty cell, text as it is. A nested column (list, map, struct), a binary column that is not UTF-8 text or a
/// file the Parquet reader cannot read is refused with <see cref="InputValidationException"/> keyed "file".</summary>
internal static class ParquetCsv
{
    /// <summary>Parquet files start (and end) with these bytes.</summary>
    public static ReadOnlySpan<byte> Magic => "PAR1"u8;

    private const string UtcTimestamp = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly ParquetOptions ReaderOptions = new() { UseDateOnlyTypeForDates = true };

    /// <summary>Writes the Parquet file at <paramref name="parquetPath"/> to <paramref name="csv"/> as CSV.</summary>
    /// <param name="fileName">The name the user knows the file by, for messages.</param>
    /// <param name="maxCells">Every cell costs at least one byte of CSV: a row group of more cells than this cannot fit
    /// the size limit and is refused with <paramref name="tooLarge"/> before it is read into memory.</param>
    public static async Task WriteAsync(string parquetPath, Stream csv, string fileName, long maxCells, Func<Exception> tooLarge, CancellationToken ct)
    {
        await using var file = new FileStream(parquetPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        await using var reader = await ReadAsync(() => ParquetReader.CreateAsync(file, ReaderOptions, leaveStreamOpen: true, ct), fileName);
        var columns = reader.Schema.Fields.Select(f => Column.For(f, fileName)).ToArray();
        if (columns.Length == 0)
            throw new InputValidationException("file", $"'{fileName}' is a Parquet file without columns: there is nothing to read.");
        var text = new StreamWriter(csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        using var sep = Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = CultureInfo.InvariantCulture }).To(text, leaveOpen: false);
        sep.Header.Add(columns.Select(c => c.Name).ToArray());
        sep.Header.Write();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            ct.ThrowIfCancellationRequested();
            var group = await ReadAsync(() => Task.FromResult(reader.OpenRowGroupReader(g)), fileName);
            var rows = group.RowCount;
            if (rows < 0 || rows > Array.MaxLength)
                throw Corrupt(fileName, $"row group {g + 1} claims {rows} rows");
            if (rows * columns.Length > maxCells)
                throw tooLarge();
            foreach (var column in columns)
                await ReadAsync(async () => { await column.ReadAsync(group, (int)rows, fileName, ct); return true; }, fileName);
            WriteRows(sep, columns, (int)rows, ct);
        }
    }

    private static void WriteRows(SepWriter sep, Column[] columns, int rows, CancellationToken ct)
    {
        for (var r = 0; r < rows; r++)
        {
            if ((r & 0x3FFF) == 0)
                ct.ThrowIfCancellationRequested();
            using var row = sep.NewRow();
            for (var i = 0; i < columns.Length; i++)
                columns[i].Write(row[i], r);
        }
    }

    /// <summary>Runs a Parquet read: whatever the reader throws on a damaged file becomes a 400 naming the file.</summary>
    private static async Task<T> ReadAsync<T>(Func<Task<T>> read, string fileName)
    {
        try
        {
            return await read();
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or InputValidationException or OutOfMemoryException))
        {
            throw Corrupt(fileName, ex.Message);
        }
    }

    private static InputValidationException Corrupt(string fileName, string problem) =>
        new("file", $"'{fileName}' starts like a Parquet file but cannot be read ({problem.TrimEnd('.')}); export it again, or send it as CSV with a header row.");

    /// <summary>Timestamps not adjusted to UTC (and INT96 ones) carry no zone: their wall-clock value is read as UTC,
    /// as the app reads CSV timestamps without an offset.</summary>
    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    /// <summary>One column of the row group being converted.</summary>
    private abstract class Column(string name)
    {
        public string Name { get; } = name;

        public abstract Task ReadAsync(ParquetRowGroupReader group, int rows, string fileName, CancellationToken ct);

        public abstract void Write(SepWriter.Col col, int row);

        public static Column For(Field field, string fileName)
        {
            if (field is not DataField data || field.SchemaType != SchemaType.Data || data.IsArray || data.MaxRepetitionLevel > 0)
            {
                var kind = field.SchemaType switch
                {
                    SchemaType.List => "a list",
                    SchemaType.Map => "a map",
                    SchemaType.Struct => "a struct",
                    _ => "a repeated value",
                };
                throw new InputValidationException("file",
                    $"'{fileName}' has the nested column '{field.Name}' ({kind}); only flat columns (one plain value per row) are read. Flatten it into plain columns or leave it out, then export the file again.");
            }
            var type = Nullable.GetUnderlyingType(data.ClrType) ?? data.ClrType;
            return type switch
            {
                _ when type == typeof(string) || type == typeof(ReadOnlyMemory<char>) => new TextColumn(data),
                _ when type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>) => new BinaryColumn(data),
                _ when type == typeof(bool) => new ValueColumn<bool>(data, static (col, v) => col.Set(v ? "true" : "false")),
                _ when type == typeof(double) => new ValueColumn<double>(data, static (col, v) => col.Format(v, "R")),
                _ when type == typeof(float) => new ValueColumn<float>(data, static (col, v) => col.Format(v, "R")),
                _ when type == typeof(Half) => new ValueColumn<Half>(data, static (col, v) => col.Format(v, "R")),
                _ when type == typeof(decimal) => new ValueColumn<decimal>(data, static (col, v) => col.Format(v)),
                _ when type == typeof(sbyte) => new ValueColumn<sbyte>(data, static (col, v) => col.Format(v)),
                _ when type == typeof(byte) => new ValueColumn<byte>(data, static (col, v) => col.Format(v)),
                _ when type == typeof(short) => new ValueColumn<short>(data, static (col, v) => col.Format(v)),
                _ when type == typeof(ushort) => new ValueColumn<ushort>(data, static (col, v) => col.Format(v)),
                _ when type == typeof(int) => new ValueColumn<int>(data, static (col, v) => col.Format(v)),
                _ when type == typeof(uint) => new ValueColumn<uint>(data, static (col, v) => col.Format(v)),
                _ when type == typeof(long) => new ValueColumn<long>(data, static (col, v) => col.Format(v)),
                _ when type == typeof(ulong) => new ValueColumn<ulong>(data, static (col, v) => col.Format(v)),
                _ when type == typeof(DateTime) => new ValueColumn<DateTime>(data, static (col, v) => col.Format(Utc(v), UtcTimestamp)),
                _ when type == typeof(DateTimeOffset) => new ValueColumn<DateTimeOffset>(data, static (col, v) => col.Format(v.UtcDateTime, UtcTimestamp)),
                _ when type == typeof(DateOnly) => new ValueColumn<DateOnly>(data, static (col, v) => col.Format(v, "yyyy-MM-dd")),
                _ when type == typeof(TimeOnly) => new ValueColumn<TimeOnly>(data, static (col, v) => col.Format(v, "HH:mm:ss.FFFFFFF")),
                _ when type == typeof(TimeSpan) => new ValueColumn<TimeSpan>(data, static (col, v) => col.Format(v, "c")),
                _ when type == typeof(Guid) => new ValueColumn<Guid>(data, static (col, v) => col.Format(v, "D")),
                _ => throw new InputValidationException("file",
                    $"'{fileName}' has the column '{data.Name}' of Parquet type {type.Name}, which is not read; convert it to a number, text, boolean, date or timestamp column."),
            };
        }
    }

    private sealed class ValueColumn<T>(DataField field, SepWriter.ColAction<T> write) : Column(field.Name) where T : struct
    {
        private T?[] _values = [];

        public override async Task ReadAsync(ParquetRowGroupReader group, int rows, string fileName, CancellationToken ct)
        {
            if (_values.Length < rows)
                _values = new T?[rows];
            await group.ReadAsync<T>(field, _values.AsMemory(0, rows), null, ct);
        }

        public override void Write(SepWriter.Col col, int row)
        {
            if (_values[row] is { } value)
                write(col, value);
            else
                col.Set(ReadOnlySpan<char>.Empty);
        }
    }

    private sealed class TextColumn(DataField field) : Column(field.Name)
    {
        private string?[] _values = [];

        public override async Task ReadAsync(ParquetRowGroupReader group, int rows, string fileName, CancellationToken ct)
        {
            if (_values.Length < rows)
                _values = new string?[rows];
            await group.ReadAsync(field, _values.AsMemory(0, rows), null, ct);
        }

        public override void Write(SepWriter.Col col, int row) => col.Set(_values[row]);
    }

    /// <summary>Byte arrays without the UTF-8 annotation (older writers store text so): read as text when every value
    /// is UTF-8, refused otherwise (binary data has no CSV form).</summary>
    private sealed class BinaryColumn(DataField field) : Column(field.Name)
    {
        private byte[]?[] _bytes = [];
        private string?[] _values = [];

        public override async Task ReadAsync(ParquetRowGroupReader group, int rows, string fileName, CancellationToken ct)
        {
            if (_bytes.Length < rows)
            {
                _bytes = new byte[]?[rows];
                _values = new string?[rows];
            }
            await group.ReadAsync(field, _bytes.AsMemory(0, rows), null, ct);
            for (var i = 0; i < rows; i++)
            {
                try
                {
                    _values[i] = _bytes[i] is { } bytes ? StrictUtf8.GetString(bytes) : null;
                }
                catch (DecoderFallbackException)
                {
                    throw new InputValidationException("file",
                        $"'{fileName}' has the binary column '{Name}' whose values are not text; only numbers, text, booleans, dates and timestamps are read. Leave it out, then export the file again.");
                }
            }
        }

        public override void Write(SepWriter.Col col, int row) => col.Set(_values[row]);
    }
}
