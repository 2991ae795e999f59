using DataProductDashboard.Analysis.Drift;

namespace DataProductDashboard.Analysis.Statistics;

/// <summary>The count, mean and sum of squared deviations from the mean (M2) of a set of numbers: enough for a mean, a
/// variance and Welch's t-test, and mergeable, so a batch's (or a chunk's) moments are stored once and an experiment's
/// are merged from them instead of reading its rows again. <see cref="Of"/> is two-pass with numpy's pairwise sums
/// (as numpy's mean and var); <see cref="Merge"/> is the pairwise update of Chan, Golub and LeVeque, exact up to
/// rounding whatever the means, so merged moments equal those of all the numbers at once (to ~1e-15 relative).</summary>
public readonly record struct Moments(long Count, double Mean, double M2)
{
    public static Moments Empty => default;

    public static Moments Of(ReadOnlySpan<double> values)
    {
        if (values.Length == 0)
            return Empty;
        var mean = Pairwise.Sum(values) / values.Length;
        var squares = values.Length <= 1024 ? stackalloc double[values.Length] : new double[values.Length];
        for (var i = 0; i < values.Length; i++)
            squares[i] = (values[i] - mean) * (values[i] - mean);
        return new Moments(values.Length, mean, Pairwise.Sum(squares));
    }

    public static Moments Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values is double[] array ? Of(array.AsSpan()) : Of(values.ToArray().AsSpan());
    }

    /// <summary>The moments of <paramref name="count"/> 0/1 values of which <paramref name="ones"/> are 1, exactly.</summary>
    public static Moments OfIndicator(long ones, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ones);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ones, count);
        return count == 0 ? Empty : new Moments(count, (double)ones / count, (double)ones * (count - ones) / count);
    }

    /// <summary>For moments of 0/1 values: how many are 1.</summary>
    public long Ones => (long)Math.Round(Mean * Count);

    /// <summary>The mean; NaN when empty.</summary>
    public double Estimate => Count == 0 ? double.NaN : Mean;

    /// <summary>The sample variance (n − 1); null below 2 values.</summary>
    public double? Variance => Count >= 2 ? M2 / (Count - 1) : null;

    /// <summary>The sample standard deviation (n − 1); null below 2 values.</summary>
    public double? StandardDeviation => Variance is { } v ? Math.Sqrt(v) : null;

    public Moments Merge(Moments other)
    {
        if (other.Count == 0)
            return this;
        if (Count == 0)
            return other;
        var n = Count + other.Count;
        var delta = other.Mean - Mean;
        var mean = Mean + (delta * other.Count / n);
        var m2 = M2 + other.M2 + (delta * delta * ((double)Count * other.Count / n));
        return new Moments(n, mean, m2);
    }

    public static Moments Merge(IEnumerable<Moments> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var total = Empty;
        foreach (var part in parts)
            total = total.Merge(part);
        return total;
    }
}
