using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Multivariate;

/// <summary>What the multivariate checks need of a model's training data: the numeric features (a missing value is
/// filled with the column's reference mean, as NannyML does), the PCA reconstruction fitted on them (65 % of the
/// variance), every reference row's reconstruction error (for the band of a batch of any size), and the 99th percentile
/// of those errors (a row above it is "novel": unlike any the model learned from).</summary>
public sealed record MultivariateReference(IReadOnlyList<string> Columns, PcaReconstruction.State Pca, double[] RowErrors, double NoveltyThreshold)
{
    public const double VarianceToKeep = 0.65;
    public const double NoveltyPercentile = 0.99;
    public const int MinRows = 20;
    public const int BandChunks = 50;
    public const int MaxKeptErrors = 20_000;

    private static uint Hash(int i) => unchecked((uint)i * 2654435761u);

    /// <summary>Fitted on the reference table's numeric features; null with fewer than two numeric features or
    /// <see cref="MinRows"/> rows, or when every one is constant.</summary>
    public static MultivariateReference? Build(ProductSchema schema, ColumnTable data)
    {
        var columns = schema.Features.Where(f => f.Kind == ColumnKind.Numeric && data.TryGetNumeric(f.Name, out _)).Select(f => f.Name).ToList();
        if (columns.Count < 2 || data.RowCount < MinRows)
            return null;
        var means = columns.Select(c => data.Numeric(c).Where(double.IsFinite).DefaultIfEmpty(0).Average()).ToArray();
        var rows = Rows(data, columns, means);
        if (columns.Select((_, j) => rows.Select(r => r[j]).Distinct().Take(2).Count()).All(n => n < 2))
            return null;
        var pca = PcaReconstruction.Fit(rows, VarianceToKeep);
        var errors = pca.RowErrors(rows);
        var sorted = errors.Order().ToArray();
        // The band needs the errors' distribution, not every row's: a seeded sample keeps a large reference's profile small.
        var kept = errors.Length <= MaxKeptErrors ? errors : [.. errors.Select((e, i) => (e, i)).OrderBy(p => Hash(p.i)).Take(MaxKeptErrors).Select(p => p.e)];
        return new MultivariateReference(columns, pca.ToState(), kept, Statistics.PairedBootstrap.Quantile(sorted, NoveltyPercentile));
    }

    /// <summary>The rows of <paramref name="data"/> over <paramref name="columns"/>, missing values (and absent columns)
    /// filled with <paramref name="means"/>.</summary>
    public static double[][] Rows(ColumnTable data, IReadOnlyList<string> columns, IReadOnlyList<double> means)
    {
        var values = columns.Select(c => data.TryGetNumeric(c, out var v) ? v : null).ToArray();
        var rows = new double[data.RowCount][];
        for (var r = 0; r < rows.Length; r++)
        {
            var row = new double[columns.Count];
            for (var j = 0; j < row.Length; j++)
                row[j] = values[j] is { } v && double.IsFinite(v[r]) ? v[r] : means[j];
            rows[r] = row;
        }
        return rows;
    }

    /// <summary>The band of a batch of <paramref name="rows"/> rows: the mean error of <see cref="BandChunks"/> random
    /// reference chunks of that size (seeded), and their mean ± 3 standard deviations.</summary>
    public (double Mean, double Lower, double Upper) Band(int rows, int seed = 42)
    {
        var size = Math.Clamp(rows, 1, RowErrors.Length);
        var random = new Random(seed);
        var indices = Enumerable.Range(0, RowErrors.Length).ToArray();
        var means = new double[BandChunks];
        for (var c = 0; c < BandChunks; c++)
        {
            // A partial Fisher–Yates shuffle: the first `size` indices are a sample without replacement.
            var sum = 0.0;
            for (var i = 0; i < size; i++)
            {
                var j = random.Next(i, indices.Length);
                (indices[i], indices[j]) = (indices[j], indices[i]);
                sum += RowErrors[indices[i]];
            }
            means[c] = sum / size;
        }
        var mean = means.Average();
        var std = Math.Sqrt(means.Sum(m => (m - mean) * (m - mean)) / (means.Length - 1));
        return (mean, mean - (3 * std), mean + (3 * std));
    }

}
