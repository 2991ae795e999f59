namespace DataProductDashboard.Analysis.Statistics;

/// <summary>Count, mean, population standard deviation, min, quartiles (linear interpolation) and max of the finite values.</summary>
public sealed record Summary(long Count, double Mean, double Std, double Min, double P25, double P50, double P75, double Max)
{
    public static Summary? Of(ReadOnlySpan<float> values)
    {
        var count = 0;
        foreach (var v in values)
        {
            if (float.IsFinite(v))
                count++;
        }
        if (count == 0)
            return null;
        // Sorted as floats, in one array of the exact size: float → double keeps the order and every value, so the
        // statistics below (read as doubles, summed in sorted order) are those of a sorted double copy, at a quarter of
        // the memory a growing list and its copy took (10 million predictions: 40 MB instead of 160 MB).
        var sorted = new float[count];
        var n = 0;
        foreach (var v in values)
        {
            if (float.IsFinite(v))
                sorted[n++] = v;
        }
        Array.Sort(sorted);
        double sum = 0;
        foreach (double v in sorted)
            sum += v;
        var mean = sum / sorted.Length;
        double squares = 0;
        foreach (double v in sorted)
            squares += (v - mean) * (v - mean);
        return new Summary(sorted.Length, mean, Math.Sqrt(squares / sorted.Length), sorted[0],
            Quantile(sorted, 0.25), Quantile(sorted, 0.5), Quantile(sorted, 0.75), sorted[^1]);
    }

    private static double Quantile(float[] sorted, double q)
    {
        var pos = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (pos - lo) * ((double)sorted[hi] - sorted[lo]);
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
