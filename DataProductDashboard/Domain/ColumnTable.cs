namespace DataProductDashboard.Domain;

/// <summary>Typed, column-oriented rows of one CSV file: numeric columns as <c>double[]</c> (NaN = missing),
/// categorical / text / id columns as <c>string?[]</c> (null = missing, equal values share one instance),
/// timestamps as <c>DateTime?[]</c> (UTC).</summary>
public sealed class ColumnTable(int rowCount)
{
    private readonly Dictionary<string, double[]> _numeric = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?[]> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTime?[]> _timestamps = new(StringComparer.Ordinal);

    public int RowCount { get; } = rowCount;

    public IEnumerable<string> ColumnNames => _numeric.Keys.Concat(_strings.Keys).Concat(_timestamps.Keys);

    public void AddNumeric(string name, double[] values) => _numeric.Add(name, Checked(values));
    public void AddStrings(string name, string?[] values) => _strings.Add(name, Checked(values));
    public void AddTimestamps(string name, DateTime?[] values) => _timestamps.Add(name, Checked(values));

    public bool Contains(string name) => _numeric.ContainsKey(name) || _strings.ContainsKey(name) || _timestamps.ContainsKey(name);

    public double[] Numeric(string name) => _numeric.TryGetValue(name, out var v) ? v : throw Missing(name, "numeric");
    public string?[] Strings(string name) => _strings.TryGetValue(name, out var v) ? v : throw Missing(name, "text");
    public DateTime?[] Timestamps(string name) => _timestamps.TryGetValue(name, out var v) ? v : throw Missing(name, "timestamp");

    public bool TryGetNumeric(string name, out double[] values) => _numeric.TryGetValue(name, out values!);
    public bool TryGetStrings(string name, out string?[] values) => _strings.TryGetValue(name, out values!);
    public bool TryGetTimestamps(string name, out DateTime?[] values) => _timestamps.TryGetValue(name, out values!);

    /// <summary>A new table of the given rows (0-based indices, in the order given) with every column copied.</summary>
    public ColumnTable Select(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var subset = new ColumnTable(rows.Count);
        foreach (var (name, values) in _numeric)
            subset.AddNumeric(name, Pick(values, rows));
        foreach (var (name, values) in _strings)
            subset.AddStrings(name, Pick(values, rows));
        foreach (var (name, values) in _timestamps)
            subset.AddTimestamps(name, Pick(values, rows));
        return subset;
    }

    private static T[] Pick<T>(T[] values, IReadOnlyList<int> rows)
    {
        var picked = new T[rows.Count];
        for (var i = 0; i < picked.Length; i++)
            picked[i] = values[rows[i]];
        return picked;
    }

    private T[] Checked<T>(T[] values) => values.Length == RowCount
        ? values
        : throw new ArgumentException($"Column has {values.Length} values but the table has {RowCount} rows.", nameof(values));

    private static KeyNotFoundException Missing(string name, string kind) => new($"The table has no {kind} column '{name}'.");
}
