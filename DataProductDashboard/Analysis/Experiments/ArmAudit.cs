using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Experiments;

/// <summary>One arm of an A/B-split batch audited like a batch of its own: how many rows its model scored, the
/// distribution of its predictions, its per-row latency, and prediction drift against that model's own reference
/// (the model's predictions on its training data). Data quality and input drift do not depend on the arm: the batch's
/// overall audit covers them.</summary>
public sealed record ArmAudit(
    ExperimentArm Arm,
    int Rows,
    PredictionProfile Profile,
    double ScoringSeconds,
    double LatencyP50Micros,
    double LatencyP95Micros,
    double LatencyP99Micros,
    DriftColumnResult? PredictionDrift)
{
    /// <summary>Profiles an arm's predictions (binary: 0/1 and the positive-class probability) and tests their drift
    /// against <paramref name="reference"/> (null: the model has no reference data, so no drift verdict).</summary>
    public static ArmAudit Of(ExperimentArm arm, TaskType task, float[] predicted, float[]? probability, double scoringSeconds,
        (double P50, double P95, double P99) latencyMicros, ReferenceProfile? reference, DriftSettings settings)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(settings);
        var profile = task == TaskType.Regression ? PredictionProfile.Regression(predicted) : PredictionProfile.Binary(predicted, probability);
        DriftColumnResult? drift = null;
        if (reference is { SortedPredictions.Length: > 0 } && predicted.Length > 0)
        {
            var output = probability ?? predicted;
            var values = new double[output.Length];
            for (var i = 0; i < values.Length; i++)
                values[i] = output[i];
            var pair = ColumnPair.Numeric(DriftDetector.PredictionColumn, reference.Predictions, NumericSample.From(values));
            if (pair.CurrentCount > 0)
                drift = DriftDetector.Detect(pair, settings.Overrides?.GetValueOrDefault(DriftDetector.PredictionColumn));
        }
        return new ArmAudit(arm, predicted.Length, profile, scoringSeconds, latencyMicros.P50, latencyMicros.P95, latencyMicros.P99, drift);
    }

    /// <summary>Every number as (metric key, value), under the same keys as a whole batch's points.</summary>
    public IEnumerable<(string Key, double Value)> Points()
    {
        yield return (MetricKeys.Rows, Rows);
        yield return (MetricKeys.ScoringSeconds, ScoringSeconds);
        yield return (MetricKeys.LatencyP50, LatencyP50Micros);
        yield return (MetricKeys.LatencyP95, LatencyP95Micros);
        yield return (MetricKeys.LatencyP99, LatencyP99Micros);
        if (Profile.Values is { } values)
        {
            yield return (MetricKeys.PredictionMean, values.Mean);
            yield return (MetricKeys.PredictionStd, values.Std);
        }
        if (Profile.PositiveShare is { } share && Rows > 0)
            yield return (MetricKeys.PositiveShare, share);
        if (PredictionDrift is { } drift)
        {
            yield return (AuditPoints.PredictionDriftScore, drift.Score);
            yield return (AuditPoints.PredictionDrift, drift.Drift ? 1 : 0);
        }
    }
}
