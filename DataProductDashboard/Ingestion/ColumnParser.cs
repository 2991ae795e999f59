using System.Globalization;
using DataProductDashboard.Domain;
using nietras.SeparatedValues;

namespace DataProductDashboard.Ingestion;

/// <summary>Parses one schema column of a CSV file into a growing typed array, reporting bad cells.</summary>
internal abstract class ColumnParser(ColumnSpec spec, int index, CsvErrorCollector errors)
{
    protected ColumnSpec Spec { get; } = spec;

    private string[] _markers = [];

    /// <summary>A parser for the column; arrays start at <paramref name="capacity"/> rows and grow if needed. A cell
    /// equal to one of <paramref name="markers"/> (ignoring case) is missing, as an empty cell is.
    /// Timestamps without an offset are wall-clock times in <paramref name="zone"/> (UTC when null).</summary>
    public static ColumnParser For(ColumnSpec spec, IReadOnlyList<string> markers, int index, CsvErrorCollector errors, int capacity = 1024,
        TimeZoneInfo? zone = null)
    {
        ColumnParser parser = spec.Kind switch
        {
            ColumnKind.Numeric => new NumericColumnParser(spec, index, errors),
            ColumnKind.Categorical or ColumnKind.Text => new CategoryColumnParser(spec, index, errors),
            ColumnKind.Timestamp => new TimestampColumnParser(spec, index, errors, zone ?? TimeZoneInfo.Utc),
            _ => new IdColumnParser(spec, index, errors),
        };
        parser._markers = [.. markers];
        parser._capacity = Math.Max(1024, capacity);
        parser.Reserve(parser._capacity);
        return parser;
    }

    private int _capacity;

    protected abstract void Reserve(int capacity);

    public void Parse(SepReader.Row row, int rowIndex, int line)
    {
        if (index < 0)
        {
            // A column added by a later schema version, absent from this file's header.
            SetMissing(rowIndex);
            return;
        }
        var col = row[index];
        var span = col.Span;
        if (span.IsEmpty)
        {
            if (!Spec.Nullable)
                Error(line, "a value is required here (the column is not nullable)");
            SetMissing(rowIndex);
            return;
        }
        if (_markers.Length > 0 && IsMarker(span))
        {
            if (!Spec.Nullable)
                Error(line, $"{Quote(span)} marks a missing value, but the column is not nullable");
            SetMissing(rowIndex);
            return;
        }
        if (row.LineNumberToExcl - row.LineNumberFrom > 1 && span.ContainsAny('\n', '\r'))
        {
            Error(line, "the value spans several lines, and line breaks inside a value are not read (if none was meant, a quoted value is probably not closed: a missing \")");
            SetMissing(rowIndex);
            return;
        }
        Parse(col, span, rowIndex, line);
    }

    private bool IsMarker(ReadOnlySpan<char> value)
    {
        foreach (var marker in _markers)
        {
            if (value.Equals(marker, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    protected abstract void Parse(SepReader.Col col, ReadOnlySpan<char> value, int rowIndex, int line);

    protected abstract void SetMissing(int rowIndex);

    public abstract void AddTo(ColumnTable table, int rowCount);

    /// <summary>Hands the first <paramref name="rowCount"/> values to the table; with <paramref name="more"/>, starts a
    /// fresh array for the next chunk (the table keeps the old one).</summary>
    public void TakeInto(ColumnTable table, int rowCount, bool more)
    {
        AddTo(table, rowCount);
        if (more)
            Reserve(_capacity);
    }

    /// <summary>The line of the last cell this parser refused (0: none), so that a composed time does not report a bad
    /// part cell a second time.</summary>
    public int LastErrorLine { get; private set; }

    /// <summary>The parsed value of row <paramref name="rowIndex"/> of the current chunk as a number, for a composed
    /// time (<see cref="ComposedTimeParser"/>); NaN when it is missing or not a number.</summary>
    public virtual double NumberAt(int rowIndex) => double.NaN;

    /// <summary>The text of row <paramref name="rowIndex"/> when it is present but <see cref="NumberAt"/> is NaN (for a
    /// message; null when missing).</summary>
    public virtual string? TextAt(int rowIndex) => null;

    protected void Error(int line, string message)
    {
        LastErrorLine = line;
        errors.AddCell(line, Spec.Name, message);
    }

    protected static string Quote(ReadOnlySpan<char> value) => value.Length > 40 ? $"'{value[..40]}…'" : $"'{value}'";

    protected static void Grow<T>(ref T[] array, int index)
    {
        if (index >= array.Length)
            Array.Resize(ref array, Math.Max(1024, array.Length * 2));
    }

    protected static T[] Trim<T>(T[] array, int count)
    {
        if (array.Length != count)
            Array.Resize(ref array, count);
        return array;
    }
}

internal sealed class NumericColumnParser(ColumnSpec spec, int index, CsvErrorCollector errors) : ColumnParser(spec, index, errors)
{
    private double[] _values = [];

    protected override void Reserve(int capacity) => _values = new double[capacity];

    protected override void Parse(SepReader.Col col, ReadOnlySpan<char> value, int rowIndex, int line)
    {
        Grow(ref _values, rowIndex);
        _values[rowIndex] = Read(col, value, line);
    }

    private double Read(SepReader.Col col, ReadOnlySpan<char> value, int line)
    {
        // Sep's csFastFloat parser: invariant culture, several times faster than double.TryParse. It would read a
        // comma as a thousands separator ("0,5" → 5), so a comma is refused first.
        if (value.Contains(','))
        {
            Error(line, $"{Quote(value)} is not a number (use '.' as the decimal separator and no thousands separator)");
            return double.NaN;
        }
        if (col.TryParse<double>() is not { } number)
        {
            Error(line, $"{Quote(value)} is not a number");
            return double.NaN;
        }
        if (double.IsNaN(number))
        {
            if (!Spec.Nullable)
                Error(line, $"{Quote(value)} marks a missing value, but the column is not nullable");
        }
        else if (double.IsInfinity(number))
        {
            Error(line, $"{Quote(value)} is not a finite number");
        }
        else if (Spec.Min is { } min && number < min)
        {
            Error(line, $"{Quote(value)} is below the declared minimum {min.ToString(CultureInfo.InvariantCulture)}");
        }
        else if (Spec.Max is { } max && number > max)
        {
            Error(line, $"{Quote(value)} is above the declared maximum {max.ToString(CultureInfo.InvariantCulture)}");
        }
        return number;
    }

    protected override void SetMissing(int rowIndex)
    {
        Grow(ref _values, rowIndex);
        _values[rowIndex] = double.NaN;
    }

    public override double NumberAt(int rowIndex) => _values[rowIndex];

    public override void AddTo(ColumnTable table, int rowCount) => table.AddNumeric(Spec.Name, Trim(_values, rowCount));
}

/// <summary>Categorical and text values; equal values share one string instance.</summary>
internal sealed class CategoryColumnParser : ColumnParser
{
    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly HashSet<string>? _allowed;
    private string?[] _values = [];

    protected override void Reserve(int capacity) => _values = new string?[capacity];

    public CategoryColumnParser(ColumnSpec spec, int index, CsvErrorCollector errors) : base(spec, index, errors)
    {
        _lookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
        _allowed = spec.Kind == ColumnKind.Categorical && spec.AllowedValues is { Count: > 0 } allowed
            ? new HashSet<string>(allowed, StringComparer.Ordinal)
            : null;
    }

    protected override void Parse(SepReader.Col col, ReadOnlySpan<char> value, int rowIndex, int line)
    {
        Grow(ref _values, rowIndex);
        if (!_lookup.TryGetValue(value, out var text))
        {
            text = value.ToString();
            _interned[text] = text;
        }
        if (_allowed is not null && !_allowed.Contains(text))
            Error(line, $"{Quote(value)} is not one of the declared categories ({string.Join(", ", Spec.AllowedValues!.Take(12))}{(Spec.AllowedValues!.Count > 12 ? ", …" : "")})");
        _values[rowIndex] = text;
    }

    protected override void SetMissing(int rowIndex)
    {
        Grow(ref _values, rowIndex);
        _values[rowIndex] = null;
    }

    /// <summary>A category holding a number ("4"): its value, read as the numeric parser reads it (invariant, '.'
    /// decimals, no thousands separator).</summary>
    public override double NumberAt(int rowIndex) =>
        _values[rowIndex] is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : double.NaN;

    public override string? TextAt(int rowIndex) => _values[rowIndex];

    public override void AddTo(ColumnTable table, int rowCount) => table.AddStrings(Spec.Name, Trim(_values, rowCount));
}

internal sealed class IdColumnParser(ColumnSpec spec, int index, CsvErrorCollector errors) : ColumnParser(spec, index, errors)
{
    private string?[] _values = [];

    protected override void Reserve(int capacity) => _values = new string?[capacity];

    protected override void Parse(SepReader.Col col, ReadOnlySpan<char> value, int rowIndex, int line)
    {
        Grow(ref _values, rowIndex);
        _values[rowIndex] = value.ToString();
    }

    protected override void SetMissing(int rowIndex)
    {
        Grow(ref _values, rowIndex);
        _values[rowIndex] = null;
    }

    public override void AddTo(ColumnTable table, int rowCount) => table.AddStrings(Spec.Name, Trim(_values, rowCount));
}

internal sealed class TimestampColumnParser(ColumnSpec spec, int index, CsvErrorCollector errors, TimeZoneInfo zone) : ColumnParser(spec, index, errors)
{
    private DateTime?[] _values = [];
    private string _previousText = "";

    protected override void Reserve(int capacity) => _values = new DateTime?[capacity];
    private DateTime? _previous;

    protected override void Parse(SepReader.Col col, ReadOnlySpan<char> value, int rowIndex, int line)
    {
        Grow(ref _values, rowIndex);
        if (_previous is not null && value.SequenceEqual(_previousText))
        {
            // Event times repeat row after row (hourly rows of one day); reuse the last parse.
            _values[rowIndex] = _previous;
        }
        else if (Spec.Format is { } format
            ? TimestampFormat.TryParseExact(value, format, zone, out var at, out var skipped)
            : TimestampFormat.TryParseIso(value, zone, out at, out skipped))
        {
            _values[rowIndex] = _previous = at;
            _previousText = value.ToString();
        }
        else if (skipped)
        {
            Error(line, $"{Quote(value)} is not a time in {zone.Id}, the product's time zone: the clocks skip it when daylight saving time starts (write the time with its offset, e.g. +01:00, if it is from another zone)");
            _values[rowIndex] = null;
        }
        else
        {
            Error(line, Spec.Format is { } declared
                ? $"{Quote(value)} does not match the column's declared format '{declared}' (e.g. {TimestampFormat.Example(declared)})"
                : $"{Quote(value)} is not a date/time in the accepted form ({TimestampFormat.AcceptedForms}); declare the column's \"format\" in the schema (e.g. \"dd.MM.yyyy\") to read other forms");
            _values[rowIndex] = null;
        }
    }

    protected override void SetMissing(int rowIndex)
    {
        Grow(ref _values, rowIndex);
        _values[rowIndex] = null;
    }

    public override void AddTo(ColumnTable table, int rowCount) => table.AddTimestamps(Spec.Name, Trim(_values, rowCount));
}
