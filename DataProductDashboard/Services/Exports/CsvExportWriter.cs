using System.Buffers;
using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace DataProductDashboard.Services.Exports;

/// <summary>Writes a CSV export meant to be opened in a spreadsheet, one typed cell at a time, through Sep's writer
/// (comma separated, "\n" line ends, invariant culture, quotes around a cell holding a comma, quote or line break).
/// Text cells that a spreadsheet would read as a formula (first character <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab
/// or carriage return; OWASP "CSV injection") get a leading <c>'</c>; numbers, times and enum names are written as
/// they are. Null is an empty cell. Call <see cref="EndRow"/> after the last cell of each row; the header is written
/// when the writer is created.</summary>
public sealed class CsvExportWriter : IDisposable
{
    /// <summary>UTC time to the second, e.g. 2026-01-02T03:04:05Z.</summary>
    public const string UtcSeconds = "yyyy-MM-ddTHH:mm:ssZ";

    /// <summary>The ISO 8601 round-trip format ("O").</summary>
    public const string RoundTrip = "O";

    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    private readonly StringBuilder _text = new();
    private readonly SepWriter _sep;
    private readonly int _columnCount;
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private char[] _chars = new char[256];
    private int _used;
    private int _cell;

    public CsvExportWriter(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columnCount = columns.Count;
        _starts = new int[_columnCount];
        _lengths = new int[_columnCount];
        var target = new StringWriter(_text, CultureInfo.InvariantCulture) { NewLine = "\n" };
        _sep = Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = CultureInfo.InvariantCulture }).To(target);
        _sep.Header.Add(columns);
        _sep.Header.Write();
    }

    /// <summary>The characters written and not yet drained.</summary>
    internal int BufferedLength => _text.Length;

    /// <summary>A text cell, neutralised when it starts like a formula.</summary>
    public CsvExportWriter Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return Empty();
        var start = Begin();
        if (FormulaStarts.Contains(value[0]))
            Append("'");
        Append(value);
        return End(start);
    }

    /// <summary>A number in round-trip form ("R"); null, NaN and ±infinity are an empty cell.</summary>
    public CsvExportWriter Number(double? value) => Number(value, "R");

    /// <summary>A number in the given .NET format (e.g. "0.#"); null, NaN and ±infinity are an empty cell.</summary>
    public CsvExportWriter Number(double? value, string format) =>
        value is { } v && double.IsFinite(v) ? Formatted(v, format) : Empty();

    public CsvExportWriter Number(long? value) => value is { } v ? Formatted(v, default) : Empty();

    public CsvExportWriter Number(decimal? value) => value is { } v ? Formatted(v, default) : Empty();

    /// <summary>A time in the given format: <see cref="UtcSeconds"/> or <see cref="RoundTrip"/>.</summary>
    public CsvExportWriter Time(DateTime? value, string format) => value is { } v ? Formatted(v, format) : Empty();

    /// <summary>true or false.</summary>
    public CsvExportWriter Flag(bool value) => Raw(value ? "true" : "false");

    /// <summary>An enum's name as .NET writes it (an identifier, never a formula).</summary>
    public CsvExportWriter Name<TEnum>(TEnum value) where TEnum : struct, Enum => Raw(value.ToString());

    /// <summary>An enum's name, or an empty cell for null.</summary>
    public CsvExportWriter Name<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? Name(v) : Empty();

    /// <summary>Writes the row's cells; throws when the row has not exactly one cell per column.</summary>
    public void EndRow()
    {
        if (_cell != _columnCount)
            throw new InvalidOperationException($"A row has {_cell} cells but the export has {_columnCount} columns.");
        using (var row = _sep.NewRow())
        {
            for (var i = 0; i < _columnCount; i++)
                row[i].Set(_chars.AsSpan(_starts[i], _lengths[i]));
        }
        _cell = 0;
        _used = 0;
    }

    /// <summary>Moves the text written so far to <paramref name="target"/>.</summary>
    internal async Task DrainToAsync(TextWriter target, CancellationToken ct)
    {
        await target.WriteAsync(_text, ct);
        _text.Clear();
    }

    /// <summary>The CSV written so far (all of it unless drained).</summary>
    public override string ToString() => _text.ToString();

    public void Dispose() => _sep.Dispose();

    private CsvExportWriter Empty() => End(Begin());

    private CsvExportWriter Raw(string value)
    {
        var start = Begin();
        Append(value);
        return End(start);
    }

    private CsvExportWriter Formatted<T>(T value, ReadOnlySpan<char> format) where T : ISpanFormattable
    {
        var start = Begin();
        int written;
        while (!value.TryFormat(_chars.AsSpan(_used), out written, format, CultureInfo.InvariantCulture))
            Array.Resize(ref _chars, _chars.Length * 2);
        _used += written;
        return End(start);
    }

    private int Begin()
    {
        if (_cell == _columnCount)
            throw new InvalidOperationException($"A row has more cells than the export's {_columnCount} columns.");
        return _used;
    }

    private void Append(ReadOnlySpan<char> value)
    {
        if (_chars.Length - _used < value.Length)
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + value.Length));
        value.CopyTo(_chars.AsSpan(_used));
        _used += value.Length;
    }

    private CsvExportWriter End(int start)
    {
        _starts[_cell] = start;
        _lengths[_cell] = _used - start;
        _cell++;
        return this;
    }
}
