namespace DataProductDashboard.Scoring;

/// <summary>Percentiles of per-row latency, in microseconds.</summary>
public sealed record LatencyPercentiles(double P50, double P95, double P99)
{
    public static readonly LatencyPercentiles Zero = new(0, 0, 0);

    /// <summary>Linear-interpolated percentiles (numpy's default) of the values that are not NaN (NaN marks a row whose time was not measured).</summary>
    public static LatencyPercentiles From(float[] micros)
    {
        var count = 0;
        foreach (var m in micros)
        {
            if (!float.IsNaN(m))
                count++;
        }
        if (count == 0)
            return Zero;
        // One array of the exact size (a filtered ToArray grows and copies buffers: 10 million rows are 40 MB each).
        var measured = new float[count];
        var n = 0;
        foreach (var m in micros)
        {
            if (!float.IsNaN(m))
                measured[n++] = m;
        }
        Array.Sort(measured);
        return new LatencyPercentiles(Percentile(measured, 0.50), Percentile(measured, 0.95), Percentile(measured, 0.99));
    }

    public static double Percentile(float[] sorted, double q)
    {
        var pos = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
