namespace DataProductDashboard.Analysis.Drift;

/// <summary>What one batch lends to a reference window: a seeded uniform sample of its rows' numeric feature values and
/// model outputs (every row of a batch no longer than the sample), and the exact category counts of its categorical
/// features. Kept at import beside the batch, so a window of past batches is built without reading their files (and
/// survives the retention of their rows).</summary>
/// <param name="Rows">The batch's rows.</param>
/// <param name="Numbers">Per numeric feature, the sampled rows' values in row order (NaN where missing).</param>
/// <param name="Categories">Per categorical feature, the count of each category over every row.</param>
/// <param name="Predictions">The sampled rows' model outputs (the same rows as <paramref name="Numbers"/>).</param>
public sealed record ReferenceSample(
    long Rows,
    IReadOnlyDictionary<string, double[]> Numbers,
    IReadOnlyDictionary<string, Dictionary<string, long>> Categories,
    double[] Predictions)
{
    /// <summary>Rows a batch keeps for reference windows by default.</summary>
    public const int DefaultRows = 500;

    /// <summary>The sampled rows (the length of each numeric column).</summary>
    public int SampledRows => Predictions.Length > 0 ? Predictions.Length : Numbers.Values.FirstOrDefault()?.Length ?? 0;
}
