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

    /// <summary>The given rows of several tables, one after the other, in one new table of the columns they all have.</summary>
    public static ColumnTable Concat(IReadOnlyList<(ColumnTable Table, IReadOnlyList<int> Rows)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var selected = parts.Select(p => p.Table.Select(p.Rows)).ToList();
        var result = new ColumnTable(selected.Sum(t => t.RowCount));
        if (selected.Count == 0)
            return result;
        // Only the columns every part has, as the same kind: a batch file may carry the label (or a column added to
        // the schema later) that another part lacks.
        foreach (var name in selected[0]._numeric.Keys.Where(n => selected.All(t => t._numeric.ContainsKey(n))))
            result.AddNumeric(name, [.. selected.SelectMany(t => t.Numeric(name))]);
        foreach (var name in selected[0]._strings.Keys.Where(n => selected.All(t => t._strings.ContainsKey(n))))
            result.AddStrings(name, [.. selected.SelectMany(t => t.Strings(name))]);
        foreach (var name in selected[0]._timestamps.Keys.Where(n => selected.All(t => t._timestamps.ContainsKey(n))))
            result.AddTimestamps(name, [.. selected.SelectMany(t => t.Timestamps(name))]);
        return result;
    }

    /// <summary>The same table with column <paramref name="name"/>'s values reordered by <paramref name="permutation"/>
    /// (row i gets the value of row permutation[i]); the other columns are shared, not copied.</summary>
    public ColumnTable WithPermuted(string name, int[] permutation)
    {
        var result = new ColumnTable(RowCount);
        foreach (var (column, values) in _numeric)
            result.AddNumeric(column, column == name ? Pick(values, permutation) : values);
        foreach (var (column, values) in _strings)
            result.AddStrings(column, column == name ? Pick(values, permutation) : values);
        foreach (var (column, values) in _timestamps)
            result.AddTimestamps(column, column == name ? Pick(values, permutation) : values);
        return result;
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
