namespace DataProductDashboard.Scoring;

/// <summary>The model's output for every row, with timing.</summary>
/// <param name="Predicted">Regression: the value; binary: 1 for the positive class, else 0.</param>
/// <param name="Probability">Binary: probability of the positive class, when the model gives one.</param>
/// <param name="Duration">Wall time of the whole scoring pass.</param>
/// <param name="LatencyMicros">Per-row scoring latency percentiles (p50, p95, p99), in microseconds.</param>
public sealed record ScoreResult(float[] Predicted, float[]? Probability, TimeSpan Duration, LatencyPercentiles LatencyMicros)
{
    /// <summary>Per-row latency in microseconds (NaN for a row whose time was not measured: the first of each chunk), so
    /// that scores of several passes can be merged with exact percentiles; null when not kept.</summary>
    public float[]? RowLatencyMicros { get; init; }
}
