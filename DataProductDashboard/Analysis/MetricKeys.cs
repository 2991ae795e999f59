namespace DataProductDashboard.Analysis;

/// <summary>Names of the metric points stored for every batch.</summary>
public static class MetricKeys
{
    public const string Rows = "batch.rows";
    public const string ScoringSeconds = "scoring.seconds";
    public const string LatencyP50 = "scoring.latency_p50_us";
    public const string LatencyP95 = "scoring.latency_p95_us";
    public const string LatencyP99 = "scoring.latency_p99_us";
    public const string PredictionMean = "prediction.mean";
    public const string PredictionStd = "prediction.std";
    public const string PositiveShare = "prediction.positive_share";
    /// <summary>Multiclass: the share of a batch's rows predicted as a class (the class name is the point's column).</summary>
    public const string ClassShare = "prediction.class_share";
}
