using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Segments;

/// <summary>Gives each row of a batch a small code for its tuple of segment values, chunk by chunk, so that a batch's
/// rows carry their groups at 4 bytes a row; values past the first <see cref="SegmentAttributes.MaxValues"/> of an
/// attribute are pooled as <see cref="SegmentAttributes.OtherValue"/>.</summary>
public sealed class SegmentCoder(IReadOnlyList<string> attributes)
{
    private readonly HashSet<string>[] _seen = attributes.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly List<string[]> _values = [];
    private readonly List<string> _tuples = [];
    private readonly List<string[]> _segments = [];

    public IReadOnlyList<string> Attributes => attributes;

    /// <summary>Distinct tuples seen so far.</summary>
    public int Count => _values.Count;

    /// <summary>Attributes some of whose values were pooled as "(other)".</summary>
    public ISet<string> Pooled { get; } = new SortedSet<string>(StringComparer.Ordinal);

    /// <summary>The values of a code's tuple, in attribute order.</summary>
    public IReadOnlyList<string> ValuesOf(int code) => _values[code];

    /// <summary>The segments ("sex=female") of a code's tuple, one per attribute.</summary>
    public IReadOnlyList<string> SegmentsOf(int code)
    {
        while (_segments.Count <= code)
        {
            var values = _values[_segments.Count];
            _segments.Add([.. attributes.Select((a, i) => SegmentAttributes.Name(a, values[i]))]);
        }
        return _segments[code];
    }

    /// <summary>The stored text of a code's tuple (<see cref="SegmentTuple"/>).</summary>
    public string TupleOf(int code) => _tuples[code];

    public int[] Code(ColumnTable table)
    {
        var columns = attributes.Select(a => table.TryGetStrings(a, out var values) ? values : null).ToArray();
        var codes = new int[table.RowCount];
        var row = new string[attributes.Count];
        for (var r = 0; r < codes.Length; r++)
        {
            for (var a = 0; a < row.Length; a++)
                row[a] = ValueOf(a, columns[a]?[r]);
            codes[r] = CodeOf(row);
        }
        return codes;
    }

    private string ValueOf(int attribute, string? raw)
    {
        if (string.IsNullOrEmpty(raw))
            return SegmentAttributes.MissingValue;
        var seen = _seen[attribute];
        if (seen.Contains(raw))
            return raw;
        if (seen.Count >= SegmentAttributes.MaxValues)
        {
            Pooled.Add(attributes[attribute]);
            return SegmentAttributes.OtherValue;
        }
        seen.Add(raw);
        return raw;
    }

    private int CodeOf(string[] row)
    {
        var tuple = SegmentTuple.Encode(attributes, row);
        if (_codes.TryGetValue(tuple, out var code))
            return code;
        code = _values.Count;
        _codes[tuple] = code;
        _values.Add([.. row]);
        _tuples.Add(tuple);
        return code;
    }
}
