namespace DataProductDashboard.Analysis.Statistics;

/// <summary>The paired bootstrap over rows: each resample draws n rows with replacement (the same rows for every
/// version, so differences keep their pairing) and hands the metric the count of times each row was drawn. Resample r
/// draws from its own generator seeded by (seed, r), so results do not depend on how many threads ran them.</summary>
public static class PairedBootstrap
{
    public const int DefaultResamples = 1000;
    public const int DefaultSeed = 20261207;

    /// <summary>values[r][k] = <paramref name="statistics"/> k on resample r.</summary>
    public static double[][] Run(int rows, int resamples, int seed, Func<int[], double[]> statistics, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        var values = new double[resamples][];
        Parallel.For(0, resamples, new ParallelOptions { CancellationToken = ct }, () => new int[rows], (r, _, counts) =>
        {
            Array.Clear(counts);
            var random = new Random(unchecked((seed * 1_000_003) + r));
            for (var k = 0; k < rows; k++)
                counts[random.Next(rows)]++;
            values[r] = statistics(counts);
            return counts;
        }, _ => { });
        return values;
    }

    /// <summary>The q-quantile (0 ≤ q ≤ 1) of <paramref name="values"/> with linear interpolation (numpy's default);
    /// NaN values are left out.</summary>
    public static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }

    /// <summary>Two-sided bootstrap p for "the difference is 0": twice the smaller share of resampled differences on
    /// either side of 0, each counted with the observed sample ((k + 1) / (B + 1)), at most 1.</summary>
    public static double PValue(IReadOnlyList<double> differences)
    {
        int below = 0, above = 0, total = 0;
        foreach (var d in differences)
        {
            if (double.IsNaN(d))
                continue;
            total++;
            if (d <= 0)
                below++;
            if (d >= 0)
                above++;
        }
        if (total == 0)
            return double.NaN;
        return Math.Min(1, 2.0 * (Math.Min(below, above) + 1) / (total + 1));
    }
}
