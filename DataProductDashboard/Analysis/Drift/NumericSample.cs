using System.Globalization;

namespace DataProductDashboard.Analysis.Drift;

/// <summary>The finite values of a numeric column, sorted (NaN and ±∞ dropped): what KS, Wasserstein and the
/// histograms need, and what a reference profile keeps.</summary>
public sealed class NumericSample
{
    private CategoryCounts? _asCategories;

    private NumericSample(double[] sorted) => Values = sorted;

    public double[] Values { get; }

    public int Count => Values.Length;

    public static NumericSample From(ReadOnlySpan<double> values)
    {
        var finite = new double[values.Length];
        var n = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
                finite[n++] = v;
        }
        Array.Resize(ref finite, n);
        Array.Sort(finite);
        return new NumericSample(finite);
    }

    /// <summary>numpy's mean and population standard deviation (ddof = 0).</summary>
    public (double Mean, double Std) MeanAndStd()
    {
        if (Count == 0)
            return (double.NaN, double.NaN);
        var mean = Pairwise.Sum(Values) / Count;
        var squares = new double[Count];
        for (var i = 0; i < Count; i++)
            squares[i] = (Values[i] - mean) * (Values[i] - mean);
        return (mean, Math.Sqrt(Pairwise.Sum(squares) / Count));
    }

    /// <summary>Each distinct value as a category (for numeric columns with few values: chi², Z, shares).</summary>
    public CategoryCounts AsCategories() => _asCategories ??= CategoryCounts.FromSortedNumbers(Values);

    /// <summary>Number of distinct values in this sample and another, together.</summary>
    public int DistinctWith(NumericSample other)
    {
        int i = 0, j = 0, distinct = 0;
        double? last = null;
        while (i < Count || j < other.Count)
        {
            var v = j >= other.Count || (i < Count && Values[i] <= other.Values[j]) ? Values[i++] : other.Values[j++];
            if (last != v)
            {
                distinct++;
                last = v;
            }
        }
        return distinct;
    }

    internal static string Key(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
