namespace DataProductDashboard.Analysis.Statistics;

/// <summary>Equal-width bins over the finite values: <c>numpy.histogram(values, bins)</c> (the last bin is closed).</summary>
/// <param name="Edges">Bin edges, one more than <paramref name="Counts"/>.</param>
public sealed record Histogram(double[] Edges, long[] Counts)
{
    public static Histogram Empty { get; } = new([], []);

    /// <summary>Sturges' rule as numpy uses it: ceil(log2(n)) + 1 bins.</summary>
    public static int SturgesBins(long n) => n <= 1 ? 1 : (int)Math.Ceiling(Math.Log2(n)) + 1;

    public static Histogram Of(ReadOnlySpan<float> values, int bins) => Of(values, bins, v => v);

    public static Histogram Of(ReadOnlySpan<double> values, int bins) => Of(values, bins, v => v);

    private static Histogram Of<T>(ReadOnlySpan<T> values, int bins, Func<T, double> toDouble)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var raw in values)
        {
            var v = toDouble(raw);
            if (!double.IsFinite(v))
                continue;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        if (double.IsPositiveInfinity(min))
            return Empty;
        if (min == max)
        {
            min -= 0.5;
            max += 0.5;
        }
        var edges = new double[bins + 1];
        for (var i = 0; i <= bins; i++)
            edges[i] = min + (max - min) * i / bins;
        var counts = new long[bins];
        var scale = bins / (max - min);
        foreach (var raw in values)
        {
            var v = toDouble(raw);
            if (!double.IsFinite(v))
                continue;
            var bin = (int)((v - min) * scale);
            counts[Math.Clamp(bin, 0, bins - 1)]++;
        }
        return new Histogram(edges, counts);
    }
}
