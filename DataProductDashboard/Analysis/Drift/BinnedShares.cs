using System.Globalization;
using DataProductDashboard.Analysis.Statistics;

namespace DataProductDashboard.Analysis.Drift;

/// <summary>Reference and current shares over common bins: numeric values in numpy's Sturges equal-width bins over
/// reference ∪ current; categories over the union of keys (ordinal order). Input of Jensen–Shannon, PSI, Hellinger.</summary>
public sealed record BinnedShares(double[] Reference, double[] Current, IReadOnlyList<string> Labels)
{
    public static BinnedShares Numeric(NumericSample reference, NumericSample current)
    {
        // Edges over reference ∪ current without building the union (8 bytes × rows per column).
        var edges = NumpyHistogram.SturgesEdges(reference.Values, current.Values);
        var labels = Enumerable.Range(0, edges.Length - 1).Select(i => $"[{edges[i]:G4}, {edges[i + 1]:G4}{(i == edges.Length - 2 ? "]" : ")")}").ToList();
        return new BinnedShares(
            Shares(NumpyHistogram.Counts(reference.Values, edges), reference.Count),
            Shares(NumpyHistogram.Counts(current.Values, edges), current.Count),
            labels);
    }

    /// <summary>One bin per distinct value of reference ∪ current, in ascending order and labelled with the value
    /// ("1" … "12" for a month column), when the values are few: all integers with at most
    /// <paramref name="maxIntegers"/> distinct values, or at most <paramref name="maxAny"/> distinct values of any kind;
    /// null otherwise. For showing a distribution; the drift statistics keep their own binning.</summary>
    public static BinnedShares? PerValue(NumericSample reference, NumericSample current, int maxIntegers, int maxAny)
    {
        var values = new List<double>();
        var integers = true;
        int i = 0, j = 0;
        var limit = Math.Max(maxIntegers, maxAny);
        while (i < reference.Count || j < current.Count)
        {
            var v = j >= current.Count || (i < reference.Count && reference.Values[i] <= current.Values[j]) ? reference.Values[i++] : current.Values[j++];
            if (values.Count > 0 && values[^1] == v)
                continue;
            values.Add(v);
            integers &= Math.Floor(v) == v;
            if (values.Count > (integers ? limit : maxAny))
                return null;
        }
        if (values.Count == 0)
            return null;
        return new BinnedShares(
            ValueShares(reference.Values, values),
            ValueShares(current.Values, values),
            values.Select(ValueLabel).ToList());
    }

    /// <summary>A value as its bin label: an integer without decimals ("2011"), any other number to 6 significant digits.</summary>
    public static string ValueLabel(double value) => Math.Floor(value) == value && Math.Abs(value) < 1e15
        ? ((long)value).ToString(CultureInfo.InvariantCulture)
        : value.ToString("G6", CultureInfo.InvariantCulture);

    private static double[] ValueShares(double[] sorted, List<double> values)
    {
        var shares = new double[values.Count];
        if (sorted.Length == 0)
            return shares;
        var k = 0;
        foreach (var v in sorted)
        {
            while (values[k] != v)
                k++;
            shares[k]++;
        }
        for (var b = 0; b < shares.Length; b++)
            shares[b] /= sorted.Length;
        return shares;
    }

    public static BinnedShares Categorical(CategoryCounts reference, CategoryCounts current)
    {
        var keys = reference.KeysWith(current);
        return new BinnedShares(
            keys.Select(k => (double)reference[k] / reference.Total).ToArray(),
            keys.Select(k => (double)current[k] / current.Total).ToArray(),
            keys);
    }

    private static double[] Shares(long[] counts, int total) => counts.Select(c => (double)c / total).ToArray();
}
