namespace DataProductDashboard.Analysis.Statistics;

/// <summary>numpy's equal-width binning, reproduced exactly: <c>np.histogram_bin_edges(x, bins="sturges")</c> and
/// <c>np.histogram(x, edges)</c> with an explicit edge array (each bin half-open, the last one closed).</summary>
public static class NumpyHistogram
{
    /// <summary>Edges numpy's "sturges" rule gives for these values (finite values only).</summary>
    public static double[] SturgesEdges(ReadOnlySpan<double> values) => SturgesEdges(values, []);

    /// <summary>As <see cref="SturgesEdges(ReadOnlySpan{double})"/> over <paramref name="values"/> followed by
    /// <paramref name="more"/>, without copying them into one array.</summary>
    public static double[] SturgesEdges(ReadOnlySpan<double> values, ReadOnlySpan<double> more)
    {
        if (values.IsEmpty && more.IsEmpty)
            throw new ArgumentException("No values to bin.", nameof(values));
        var (min, max) = values.IsEmpty ? Range(more) : Range(values);
        if (!values.IsEmpty)
        {
            // The same comparisons, in the same order, as one pass over values then more.
            foreach (var v in more)
            {
                if (v < min)
                    min = v;
                if (v > max)
                    max = v;
            }
        }
        var width = (max - min) / (Math.Log2(values.Length + more.Length) + 1.0);
        var (first, last) = OuterEdges(min, max);
        var bins = width > 0 ? (int)Math.Ceiling((last - first) / width) : 1;
        return Linspace(first, last, bins + 1);
    }

    /// <summary>Edges of <c>np.histogram_bin_edges(x, bins=n)</c>.</summary>
    public static double[] EqualWidthEdges(ReadOnlySpan<double> values, int bins)
    {
        var (min, max) = Range(values);
        var (first, last) = OuterEdges(min, max);
        return Linspace(first, last, bins + 1);
    }

    /// <summary>Counts per bin, as <c>np.histogram(values, edges)[0]</c>; values outside the edges are not counted.</summary>
    public static long[] Counts(ReadOnlySpan<double> values, double[] edges)
    {
        var counts = new long[edges.Length - 1];
        var last = edges.Length - 1;
        foreach (var v in values)
        {
            if (v < edges[0] || v > edges[last])
                continue;
            // searchsorted(edges, v, side="right") - 1, with v == last edge in the last bin.
            var upper = UpperBound(edges, v);
            var bin = Math.Min(upper - 1, last - 1);
            counts[bin]++;
        }
        return counts;
    }

    /// <summary><c>np.linspace(start, stop, num)</c>: i·step + start, the last value exactly <paramref name="stop"/>.</summary>
    public static double[] Linspace(double start, double stop, int num)
    {
        var result = new double[num];
        if (num == 1)
        {
            result[0] = start;
            return result;
        }
        var step = (stop - start) / (num - 1);
        for (var i = 0; i < num; i++)
            result[i] = (i * step) + start;
        result[^1] = stop;
        return result;
    }

    private static (double Min, double Max) Range(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
            throw new ArgumentException("No values to bin.", nameof(values));
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (v < min)
                min = v;
            if (v > max)
                max = v;
        }
        return (min, max);
    }

    private static (double First, double Last) OuterEdges(double min, double max) =>
        min == max ? (min - 0.5, max + 0.5) : (min, max);

    private static int UpperBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
