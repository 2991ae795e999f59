namespace DataProductDashboard.Analysis.Drift;

/// <summary>Exact value counts of a categorical column (missing values dropped), keys in ordinal order.</summary>
public sealed class CategoryCounts
{
    private CategoryCounts(SortedDictionary<string, long> counts)
    {
        Counts = counts;
        Total = counts.Values.Sum();
    }

    public IReadOnlyDictionary<string, long> Counts { get; }

    public long Total { get; }

    public int Distinct => Counts.Count;

    public long this[string key] => Counts.TryGetValue(key, out var n) ? n : 0;

    public static CategoryCounts From(IEnumerable<string?> values)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            if (v is null)
                continue;
            counts[v] = counts.GetValueOrDefault(v) + 1;
        }
        return FromCounts(counts);
    }

    public static CategoryCounts FromCounts(IReadOnlyDictionary<string, long> counts) =>
        new(new SortedDictionary<string, long>(counts.Where(c => c.Value > 0).ToDictionary(c => c.Key, c => c.Value), StringComparer.Ordinal));

    internal static CategoryCounts FromSortedNumbers(double[] sorted)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j < sorted.Length && sorted[j] == sorted[i])
                j++;
            counts[NumericSample.Key(sorted[i])] = j - i;
            i = j;
        }
        return FromCounts(counts);
    }

    /// <summary>Keys present in either sample, in ordinal order.</summary>
    public IReadOnlyList<string> KeysWith(CategoryCounts other) =>
        Counts.Keys.Union(other.Counts.Keys).Order(StringComparer.Ordinal).ToList();
}
