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

    /// <summary>Wraps values already sorted and finite (a stored reference profile) without copying or sorting.</summary>
    public static NumericSample FromSorted(double[] sorted) => new(sorted);

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
        Statistics.RadixSort.Sort(finite);
        return new NumericSample(finite);
    }

    private (double Mean, double Std)? _moments;

    /// <summary>numpy's mean and population standard deviation (ddof = 0), computed once.</summary>
    public (double Mean, double Std) MeanAndStd() => _moments ??= Moments(Values);

    private static (double Mean, double Std) Moments(double[] values)
    {
        if (values.Length == 0)
            return (double.NaN, double.NaN);
        var mean = Pairwise.Sum(values) / values.Length;
        var squares = 0.0;
        var compensation = 0.0;
        foreach (var v in values)
        {
            // Kahan summation: as accurate as numpy's pairwise sum without a temporary array.
            var term = ((v - mean) * (v - mean)) - compensation;
            var next = squares + term;
            compensation = (next - squares) - term;
            squares = next;
        }
        return (mean, Math.Sqrt(squares / values.Length));
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
