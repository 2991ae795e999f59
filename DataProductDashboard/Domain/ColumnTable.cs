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

    /// <summary>The given rows of several tables, one after the other, in one new table of every column they have.</summary>
    public static ColumnTable Concat(IReadOnlyList<(ColumnTable Table, IReadOnlyList<int> Rows)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var selected = parts.Select(p => p.Table.Select(p.Rows)).ToList();
        var result = new ColumnTable(selected.Sum(t => t.RowCount));
        if (selected.Count == 0)
            return result;
        // Every column any part has: a batch file may carry the label, or a column added to the schema later, that another
        // part lacks; there its cells are missing (NaN, null), as a file without a nullable column reads. A name that is
        // numbers in one part and text in another cannot be joined and is left out.
        // In the order the parts first name them.
        var numeric = selected.SelectMany(t => t._numeric.Keys).Distinct(StringComparer.Ordinal).ToList();
        var strings = selected.SelectMany(t => t._strings.Keys).Distinct(StringComparer.Ordinal).ToList();
        var timestamps = selected.SelectMany(t => t._timestamps.Keys).Distinct(StringComparer.Ordinal).ToList();
        bool Mixed(string name) => (numeric.Contains(name) ? 1 : 0) + (strings.Contains(name) ? 1 : 0) + (timestamps.Contains(name) ? 1 : 0) > 1;
        foreach (var name in numeric.Where(n => !Mixed(n)))
            result.AddNumeric(name, [.. selected.SelectMany(t => t._numeric.TryGetValue(name, out var v) ? v : Enumerable.Repeat(double.NaN, t.RowCount))]);
        foreach (var name in strings.Where(n => !Mixed(n)))
            result.AddStrings(name, [.. selected.SelectMany(t => t._strings.TryGetValue(name, out var v) ? v : new string?[t.RowCount])]);
        foreach (var name in timestamps.Where(n => !Mixed(n)))
            result.AddTimestamps(name, [.. selected.SelectMany(t => t._timestamps.TryGetValue(name, out var v) ? v : new DateTime?[t.RowCount])]);
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
