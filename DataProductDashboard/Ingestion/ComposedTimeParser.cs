using System.Globalization;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Ingestion;

/// <summary>A composed event-time column (<see cref="ColumnSpec.ComposedOf"/>): once a row's part cells (year, month,
/// day[, hour[, minute]]) are parsed, their values become the row's time: a wall-clock time in the product's zone, stored
/// as UTC. A part that is missing, fractional or no
/// valid calendar value is refused naming the row, the part column and the value ("31 is not a day of month 4 of
/// 2010"), like any bad cell; a part cell its own parser refused is not reported twice. No allocation per row.</summary>
internal sealed class ComposedTimeParser
{
    private readonly ColumnSpec _spec;
    private readonly ColumnParser[] _parts;
    private readonly CsvErrorCollector _errors;
    private readonly int _capacity;
    private readonly TimeZoneInfo _zone;
    private DateTime?[] _values = [];

    private ComposedTimeParser(ColumnSpec spec, ColumnParser[] parts, CsvErrorCollector errors, int capacity, TimeZoneInfo zone)
    {
        _zone = zone;
        _spec = spec;
        _parts = parts;
        _errors = errors;
        _capacity = Math.Max(1024, capacity);
        _values = new DateTime?[_capacity];
    }

    /// <summary>A composer for each composed column of <paramref name="schema"/> whose parts are all among
    /// <paramref name="parsers"/> (keyed by column name).</summary>
    public static ComposedTimeParser[] For(ProductSchema schema, IReadOnlyDictionary<string, ColumnParser> parsers, CsvErrorCollector errors, int capacity,
        TimeZoneInfo zone)
    {
        var composers = new List<ComposedTimeParser>();
        foreach (var column in schema.Columns)
        {
            if (column.ComposedOf is not { Count: >= ColumnSpec.MinComposedParts and <= 5 } names)
                continue;
            var parts = new ColumnParser[names.Count];
            var complete = true;
            for (var i = 0; i < parts.Length && complete; i++)
                complete = parsers.TryGetValue(names[i], out parts[i]!);
            if (complete)
                composers.Add(new ComposedTimeParser(column, parts, errors, capacity, zone));
        }
        return [.. composers];
    }

    /// <summary>Composes row <paramref name="rowIndex"/> (of the chunk) after its part cells were parsed;
    /// <paramref name="line"/> is its line in the file, for messages.</summary>
    public void Compose(int rowIndex, int line)
    {
        if (rowIndex >= _values.Length)
            Array.Resize(ref _values, Math.Max(1024, _values.Length * 2));
        _values[rowIndex] = null;
        Span<double> value = stackalloc double[5];
        value[3] = value[4] = 0; // no hour (minute) part: midnight (the full hour)
        var ok = true;
        for (var i = 0; i < _parts.Length; i++)
        {
            var part = _parts[i];
            var number = part.NumberAt(rowIndex);
            if (double.IsNaN(number))
            {
                ok = false;
                if (part.LastErrorLine != line)
                {
                    Error(line, i, part.TextAt(rowIndex) is { } text
                        ? $"'{text}' is not a whole number, and the event time '{_spec.Name}' is composed from it"
                        : $"a value is required here: the event time '{_spec.Name}' is composed from it");
                }
                continue;
            }
            if (number != Math.Floor(number))
            {
                ok = false;
                if (part.LastErrorLine != line)
                    Error(line, i, $"{Format(number)} is not a whole number, and the event time '{_spec.Name}' is composed from it");
                continue;
            }
            value[i] = number;
        }
        if (!ok)
            return;
        var (year, month, day, hour, minute) = (value[0], value[1], value[2], value[3], value[4]);
        if (year is < 1 or > 9999)
        {
            Error(line, 0, $"{Format(year)} is not a year (1 to 9999)");
            ok = false;
        }
        if (month is < 1 or > 12)
        {
            Error(line, 1, $"{Format(month)} is not a month (1 to 12)");
            ok = false;
        }
        if (ok && (day < 1 || day > DateTime.DaysInMonth((int)year, (int)month)))
        {
            Error(line, 2, $"{Format(day)} is not a day of month {Format(month)} of {Format(year)}");
            ok = false;
        }
        else if (!ok && day is < 1 or > 31)
        {
            Error(line, 2, $"{Format(day)} is not a day of a month (1 to 31)");
        }
        if (_parts.Length > 3 && hour is < 0 or > 23)
        {
            Error(line, 3, $"{Format(hour)} is not an hour (0 to 23)");
            ok = false;
        }
        if (_parts.Length > 4 && minute is < 0 or > 59)
        {
            Error(line, 4, $"{Format(minute)} is not a minute (0 to 59)");
            ok = false;
        }
        if (!ok)
            return;
        if (TimestampFormat.TryLocalToUtc(new DateTime((int)year, (int)month, (int)day, (int)hour, (int)minute, 0), _zone, out var utc))
            _values[rowIndex] = utc;
        else
            Error(line, Math.Min(3, _parts.Length - 1), $"{Format(hour)}:{minute:00} on {year:0000}-{month:00}-{day:00} is not a time in {_zone.Id}, the product's time zone: the clocks skip it when daylight saving time starts");
    }

    /// <summary>Hands the first <paramref name="rowCount"/> times to the table under the column's name; with
    /// <paramref name="more"/>, starts a fresh array for the next chunk.</summary>
    public void TakeInto(ColumnTable table, int rowCount, bool more)
    {
        var values = _values;
        if (values.Length != rowCount)
            Array.Resize(ref values, rowCount);
        table.AddTimestamps(_spec.Name, values);
        _values = more ? new DateTime?[_capacity] : [];
    }

    private void Error(int line, int part, string message) => _errors.AddCell(line, _spec.ComposedOf![part], message);

    private static string Format(double number) => number.ToString(CultureInfo.InvariantCulture);
}
