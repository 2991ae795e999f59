using System.Globalization;
using DataProductDashboard.Analysis.Statistics;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Experiments;

/// <summary>The metrics an A/B test compares, what each arm contributes to them, the comparison itself (through
/// <see cref="AbTests"/>) and the sample size plan of the primary metric.
/// <list type="bullet">
/// <item>Binary: accuracy (correct / labelled rows) and positive share (predicted positive / rows) are rates, compared by
/// the two-proportion z-test.</item>
/// <item>Regression: MAE compares the per-row absolute errors |ŷ − y| by Welch's t-test; RMSE is not a mean, so its test
/// compares the per-row squared errors (ŷ − y)²: the estimate shown is the MSE (= RMSE²); mean error compares ŷ − y;
/// mean prediction compares ŷ (needs no labels).</item>
/// <item>KPIs ("kpi:{id}") are compared by Welch's t-test on values the caller collects per arm: per-row costs or column
/// values, or per-period values uploaded per arm.</item>
/// </list></summary>
public static class ExperimentMetrics
{
    public const string Accuracy = "perf.accuracy";
    public const string PositiveShare = "prediction.positive_share";
    public const string Mae = "perf.mae";
    public const string Rmse = "perf.rmse";
    public const string MeanError = "perf.mean_error";
    public const string PredictionMean = "prediction.mean";
    public const string KpiPrefix = "kpi:";

    private static readonly ExperimentMetric[] Binary =
    [
        new(Accuracy, "Accuracy", ComparisonKind.Rate, false, true, "share of labelled rows (0–1)",
            "Share of labelled rows predicted correctly, per arm; two-proportion z-test."),
        new(PositiveShare, "Positive share", ComparisonKind.Rate, false, false, "share of rows (0–1)",
            "Share of rows predicted positive, per arm (needs no labels); two-proportion z-test. Neither direction is better in itself."),
    ];

    private static readonly ExperimentMetric[] Regression =
    [
        new(Mae, "MAE", ComparisonKind.Mean, true, true, "label units",
            "Mean absolute error |prediction − label| of labelled rows, per arm; Welch's t-test on the per-row absolute errors."),
        new(Rmse, "MSE (RMSE²)", ComparisonKind.Mean, true, true, "squared label units",
            "RMSE is not a mean of rows, so the test compares mean squared errors: the per-row (prediction − label)², per arm; Welch's t-test. √MSE is the arm's RMSE."),
        new(MeanError, "Mean error (bias)", ComparisonKind.Mean, false, true, "label units",
            "Mean of prediction − label of labelled rows, per arm (positive: over-forecasting); Welch's t-test. Closer to 0 is better."),
        new(PredictionMean, "Mean prediction", ComparisonKind.Mean, false, false, "label units",
            "Mean of the predictions, per arm (needs no labels); Welch's t-test."),
    ];

    /// <summary>The model metrics valid for a task, primary candidates first (KPIs come from the product).</summary>
    public static IReadOnlyList<ExperimentMetric> ForTask(TaskType task) => task switch
    {
        TaskType.BinaryClassification => Binary,
        TaskType.Regression => Regression,
        _ => [],
    };

    /// <summary>A model metric of the task by key; null for an unknown key or a KPI.</summary>
    public static ExperimentMetric? Find(TaskType task, string? key) =>
        ForTask(task).FirstOrDefault(m => string.Equals(m.Key, key, StringComparison.Ordinal));

    public static string KpiKey(int kpiId) => KpiPrefix + kpiId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The KPI id of "kpi:{id}".</summary>
    public static bool TryParseKpi(string? key, out int kpiId)
    {
        kpiId = 0;
        return key is not null && key.StartsWith(KpiPrefix, StringComparison.Ordinal)
            && int.TryParse(key.AsSpan(KpiPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out kpiId) && kpiId > 0;
    }

    /// <summary>A KPI compared per arm by Welch's t-test.</summary>
    public static ExperimentMetric Kpi(int kpiId, string name, bool lowerIsBetter, string unit, string description) =>
        new(KpiKey(kpiId), name, ComparisonKind.Mean, lowerIsBetter, false, string.IsNullOrWhiteSpace(unit) ? "KPI units" : unit, description);

    /// <summary>What one arm contributes to a model metric, from its rows (see <see cref="ArmStatistics.Of"/>).</summary>
    public static ArmSample Sample(ExperimentMetric metric, TaskType task, ArmObservations arm) => Sample(metric, ArmStatistics.Of(task, arm));

    /// <summary>What one arm contributes to a model metric, from its (merged) statistics.</summary>
    public static ArmSample Sample(ExperimentMetric metric, IReadOnlyDictionary<string, Moments> statistics)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(statistics);
        Moments Of(string key) => statistics.GetValueOrDefault(key);
        return metric.Key switch
        {
            Accuracy => ArmSample.OfRate(Of(ArmStatistics.Correct).Ones, Of(ArmStatistics.Correct).Count),
            PositiveShare => ArmSample.OfRate(Of(ArmStatistics.Positive).Ones, Of(ArmStatistics.Positive).Count),
            Mae => ArmSample.OfMoments(Of(ArmStatistics.AbsoluteError)),
            Rmse => ArmSample.OfMoments(Of(ArmStatistics.SquaredError)),
            MeanError => ArmSample.OfMoments(Of(ArmStatistics.Error)),
            PredictionMean => ArmSample.OfMoments(Of(ArmStatistics.Prediction)),
            _ => throw new ArgumentException($"'{metric.Key}' is not a model metric; collect a KPI's values per arm and use ArmSample.OfValues.", nameof(metric)),
        };
    }

    /// <summary>Whether both arms hold enough to test: at least one trial each (rates) or two observations each (means).</summary>
    public static bool CanCompare(ArmSample champion, ArmSample challenger)
    {
        ArgumentNullException.ThrowIfNull(champion);
        ArgumentNullException.ThrowIfNull(challenger);
        var minimum = champion.Rate is null ? 2 : 1;
        return champion.Count >= minimum && challenger.Count >= minimum;
    }

    /// <summary>The comparison of the arms (its <see cref="ArmComparison.Metric"/> is the metric's key); null while an arm
    /// holds too little to test (see <see cref="CanCompare"/>).</summary>
    public static ArmComparison? Compare(ExperimentMetric metric, ArmSample champion, ArmSample challenger, double alpha)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (!CanCompare(champion, challenger))
            return null;
        return metric.Kind == ComparisonKind.Rate
            ? AbTests.TwoProportionZ(metric.Key, champion.Rate!, challenger.Rate!, alpha)
            : AbTests.Welch(metric.Key, champion.Observations!.Value, challenger.Observations!.Value, alpha);
    }

    /// <summary>Rows per arm needed to detect <paramref name="minimumDetectableEffect"/> on the primary metric. Rates: from
    /// <paramref name="baseline"/> (the champion arm's rate so far, or the champion's hold-out value before there is data);
    /// when baseline + effect would pass 1 the drop (baseline − effect) is planned instead. Means: from
    /// <paramref name="standardDeviation"/> (the champion arm's). Null when the input for the plan is not known yet.</summary>
    public static SampleSizePlan? Plan(ComparisonKind kind, double? baseline, double? standardDeviation, double minimumDetectableEffect,
        double alpha, double power, double challengerShare)
    {
        if (kind == ComparisonKind.Rate)
        {
            if (baseline is not (>= 0 and <= 1) || !(minimumDetectableEffect > 0 && minimumDetectableEffect < 1))
                return null;
            var effect = baseline.Value + minimumDetectableEffect <= 1 ? minimumDetectableEffect : -minimumDetectableEffect;
            return baseline.Value + effect is >= 0 and <= 1
                ? AbTests.SampleSizeForRate(baseline.Value, effect, alpha, power, challengerShare)
                : null;
        }
        return standardDeviation is { } sd && sd > 0 && double.IsFinite(sd) && minimumDetectableEffect > 0 && double.IsFinite(minimumDetectableEffect)
            ? AbTests.SampleSizeForMean(sd, minimumDetectableEffect, alpha, power, challengerShare)
            : null;
    }
}
