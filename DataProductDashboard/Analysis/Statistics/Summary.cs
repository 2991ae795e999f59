namespace DataProductDashboard.Analysis.Statistics;

/// <summary>Count, mean, population standard deviation, min, quartiles (linear interpolation) and max of the finite values.</summary>
public sealed record Summary(long Count, double Mean, double Std, double Min, double P25, double P50, double P75, double Max)
{
    public static Summary? Of(ReadOnlySpan<float> values)
    {
        var finite = new List<double>(values.Length);
        foreach (var v in values)
        {
            if (float.IsFinite(v))
                finite.Add(v);
        }
        if (finite.Count == 0)
            return null;
        var sorted = finite.ToArray();
        Array.Sort(sorted);
        double sum = 0;
        foreach (var v in sorted)
            sum += v;
        var mean = sum / sorted.Length;
        double squares = 0;
        foreach (var v in sorted)
            squares += (v - mean) * (v - mean);
        return new Summary(sorted.Length, mean, Math.Sqrt(squares / sorted.Length), sorted[0],
            Quantile(sorted, 0.25), Quantile(sorted, 0.5), Quantile(sorted, 0.75), sorted[^1]);
    }

    /// <summary>numpy's default (linear) quantile of sorted values.</summary>
    public static double Quantile(double[] sorted, double q)
    {
        var pos = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
