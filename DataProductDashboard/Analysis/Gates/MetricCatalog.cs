using DataProductDashboard.Analysis.Performance;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Gates;

/// <summary>Every metric key a gate can watch: the audit's data-quality and drift points, scoring behavior, performance
/// once labels arrive, and the release evidence of a candidate version (hold-out and shadow-scored metrics).</summary>
public static class MetricCatalog
{
    public const string FlagUnit = "0/1";
    public const string HoldoutPrefix = "holdout.";
    public const string ShadowPrefix = "shadow.";
    public const string ShadowLatencyP95 = "shadow.latency_p95_us";
    public const string ShadowLabelledRows = "shadow.labelled_rows";
    public const string FairnessPrefix = "fairness.";

    /// <summary>The fairness metrics a gate can watch, by their key's suffix: name, lower is fairer, explanation.</summary>
    public static readonly IReadOnlyList<(string Metric, string Name, bool LowerIsFairer, string Explanation)> FairnessMetrics =
    [
        ("demographic_parity_difference", "Demographic parity difference", true, "Highest minus lowest share predicted positive among the attribute's groups (0 = equal)."),
        ("demographic_parity_ratio", "Demographic parity ratio", false, "Lowest over highest share predicted positive among the attribute's groups (1 = equal)."),
        ("disparate_impact", "Disparate impact", false, "The least favoured group's share predicted positive over the most favoured group's; the four-fifths rule wants at least 0.8."),
        ("equalized_odds_difference", "Equalized-odds difference", true, "The larger of the ranges of the true- and false-positive rates across the attribute's groups (0 = equal)."),
        ("equal_opportunity_difference", "Equal-opportunity difference", true, "Range of the true-positive rates (recall) across the attribute's groups (0 = equal)."),
    ];

    /// <summary>The tasks a classifier metric applies to.</summary>
    public static readonly IReadOnlySet<TaskType> ClassificationTasks = new HashSet<TaskType> { TaskType.BinaryClassification, TaskType.MulticlassClassification };
    private static readonly IReadOnlySet<TaskType> BinaryTasks = new HashSet<TaskType> { TaskType.BinaryClassification };
    private static readonly IReadOnlySet<TaskType> MulticlassTasks = new HashSet<TaskType> { TaskType.MulticlassClassification };

    /// <summary>The tasks a regression metric applies to.</summary>
    public static readonly IReadOnlySet<TaskType> RegressionTasks = new HashSet<TaskType> { TaskType.Regression };

    /// <summary>Performance metric names shared by "perf.", "holdout." and "shadow." keys: name, lower is better, the
    /// tasks that have it.</summary>
    public static readonly IReadOnlyList<(string Metric, string Name, bool? LowerIsBetter, string Explanation, IReadOnlySet<TaskType> Tasks)> PerformanceMetrics =
    [
        ("accuracy", "Accuracy", false, "Share of labelled rows the model got right.", ClassificationTasks),
        ("balanced_accuracy", "Balanced accuracy", false, "Mean of the recall of each class; fair when classes are imbalanced.", ClassificationTasks),
        ("precision", "Precision", false, "Of the rows predicted positive, the share that were positive.", BinaryTasks),
        ("recall", "Recall", false, "Of the positive rows, the share the model found.", BinaryTasks),
        ("f1", "F1", false, "Harmonic mean of precision and recall.", BinaryTasks),
        ("macro_precision", "Macro precision", false, "Mean over the classes of the share of rows predicted as the class that were of it.", MulticlassTasks),
        ("macro_recall", "Macro recall", false, "Mean over the classes of the share of the class's rows the model found.", MulticlassTasks),
        ("macro_f1", "Macro F1", false, "Mean over the classes of the harmonic mean of precision and recall; every class counts the same.", MulticlassTasks),
        ("roc_auc", "ROC AUC", false, "Chance a random positive row scores above a random negative one (0.5 = guessing).", BinaryTasks),
        ("log_loss", "Log loss", true, "Penalty for confident wrong probabilities; lower is better.", BinaryTasks),
        ("brier", "Brier score", true, "Mean squared error of the predicted probability; lower is better.", BinaryTasks),
        ("mae", "MAE", true, "Mean absolute error, in the label's unit.", RegressionTasks),
        ("rmse", "RMSE", true, "Root mean squared error, in the label's unit; punishes large errors.", RegressionTasks),
        ("mape", "MAPE", true, "Mean absolute percentage error (rows with label 0 excluded).", RegressionTasks),
        ("r2", "R²", false, "Share of the label's variance the model explains (1 = perfect, 0 = the mean).", RegressionTasks),
        ("median_ae", "Median absolute error", true, "Median of the absolute errors, in the label's unit.", RegressionTasks),
        ("mean_error", "Mean error (bias)", null, "Mean of prediction − label: above 0 the model over-predicts.", RegressionTasks),
    ];

    private static readonly Dictionary<string, MetricInfo> Known = Build();

    public static IReadOnlyCollection<MetricInfo> All => Known.Values;

    /// <summary>The metrics a product of <paramref name="task"/> has.</summary>
    public static IEnumerable<MetricInfo> For(TaskType task) => All.Where(m => m.AppliesTo(task));

    public static MetricInfo? Find(string key) => Known.GetValueOrDefault(key);

    /// <summary>The display name of a key, "MAE" for "perf.mae"; an unknown key as it is.</summary>
    public static string NameOf(string key) => Find(key)?.Name ?? key;

    /// <summary>"Missing share of 'hum'", "Accuracy in segment 'female'".</summary>
    public static string Describe(MetricAddress address) =>
        NameOf(address.Key) + (address.Column is null ? "" : $" of '{address.Column}'") + (address.Segment is null ? "" : $" in segment '{address.Segment}'");

    private static Dictionary<string, MetricInfo> Build()
    {
        var list = new List<MetricInfo>
        {
            Q(AuditPoints.MissingShare, "Missing share (all cells)", "share", "Share of all feature cells that are empty."),
            Q(AuditPoints.RowsWithMissingShare, "Rows with a missing value", "share", "Share of rows with at least one empty feature."),
            Q(AuditPoints.DuplicateRowKeys, "Duplicate row keys", "rows", "Rows whose key appeared earlier in the batch; labels join by row key."),
            Q(AuditPoints.DuplicateRows, "Duplicate rows", "rows", "Rows identical to an earlier row of the batch."),
            Q(AuditPoints.EventLagHours, "Event lag", "h", "Hours between the newest event in the batch and its arrival."),
            Q(AuditPoints.Gaps, "Cadence gaps", "gaps", "Gaps in the event times longer than twice the usual cadence."),
            Q(AuditPoints.VolumeRatio, "Volume vs usual", "×", "Rows in the batch divided by the median of the previous batches."),
            Q(AuditPoints.HoursSincePreviousBatch, "Hours since previous batch", "h", "Time between this batch's arrival and the previous one's."),
            Q(AuditPoints.Late, "Late batch", FlagUnit, "1 when the batch arrived later than the usual interval allows."),
            Q(AuditPoints.ColumnMissingShare, "Missing share", "share", "Share of the column's values that are empty.", perColumn: true),
            Q(AuditPoints.ColumnUnseenShare, "Unseen categories", "share", "Share of values in categories the model never saw in training.", perColumn: true),
            new MetricInfo(Coverage.CoverageResult.RowsKey, "Population coverage (rows)", MetricFamily.DataQuality, GateScope.Batch, false, false, "share",
                "Share of rows whose every feature lies inside the population the model was trained on (numbers within the training range, categories seen in training).") { PerSegment = true },
            new MetricInfo(Coverage.CoverageResult.ColumnKey, "Population coverage", MetricFamily.DataQuality, GateScope.Batch, true, false, "share",
                "Share of the column's values inside the training population (within the training range, or a category seen in training)."),
            new MetricInfo(Multivariate.MultivariateAccumulator.NovelShareKey, "Novel rows", MetricFamily.DataQuality, GateScope.Batch, false, true, "share",
                "Share of rows whose combination of numeric features is unlike the training data (PCA reconstruction error above the training rows' 99th percentile; about 0.01 when nothing changed)."),
            Q(AuditPoints.ColumnOutOfRangeShare, "Out of training range", "share", "Share of numbers outside the range seen in training.", perColumn: true),
            D(AuditPoints.DriftShare, "Dataset drift share", "share", "Share of the features whose distribution drifted from the reference."),
            D(AuditPoints.DatasetDrift, "Dataset drift", FlagUnit, "1 when the drifted share reaches the dataset threshold (default 0.5)."),
            D(AuditPoints.DriftedColumns, "Drifted features", "features", "Number of features whose distribution drifted."),
            D(AuditPoints.ColumnDriftScore, "Drift score", "score", "The column's drift test result: a p-value (KS, chi², Z) or a distance (Wasserstein, Jensen–Shannon, PSI…).", perColumn: true),
            D(AuditPoints.ColumnDrift, "Drift detected", FlagUnit, "1 when the column's drift test flags drift.", perColumn: true),
            D(Multivariate.MultivariateAccumulator.ErrorKey, "Multivariate drift (reconstruction error)", "score",
                "Mean PCA reconstruction error of the batch's numeric features against the model's training data: rises when the features' correlations change, which per-column tests miss."),
            D(Multivariate.MultivariateAccumulator.DetectedKey, "Multivariate drift", FlagUnit,
                "1 when the reconstruction error is outside the band of training-data chunks of the batch's size (mean ± 3 standard deviations)."),
            D(AuditPoints.PredictionDriftScore, "Prediction drift score", "score", "Drift test result on the model output.") with { PerSegment = true },
            D(AuditPoints.PredictionDrift, "Prediction drift", FlagUnit, "1 when the distribution of the model's output drifted.") with { PerSegment = true },
            B(MetricKeys.Rows, "Rows", null, "rows", "Rows in the batch. In a segment: the segment's rows (its support).") with { PerSegment = true },
            B(MetricKeys.ScoringSeconds, "Running time", true, "s", "Seconds the model took to score the batch."),
            B(MetricKeys.LatencyP50, "Latency p50", true, "µs", "Median time to score one row."),
            B(MetricKeys.LatencyP95, "Latency p95", true, "µs", "95th percentile of the time to score one row."),
            B(MetricKeys.LatencyP99, "Latency p99", true, "µs", "99th percentile of the time to score one row."),
            B(MetricKeys.PredictionMean, "Prediction mean", null, "", "Mean of the model output (the score for classifiers, the predicted class's probability for multiclass).") with { PerSegment = true },
            B(MetricKeys.PredictionStd, "Prediction std", null, "", "Standard deviation of the model output.") with { PerSegment = true },
            B(MetricKeys.PositiveShare, "Positive share", null, "share", "Share of rows predicted positive.") with { Tasks = BinaryTasks, PerSegment = true },
            P(PerformancePoints.LabelledRows, "Labelled rows", null, "rows", "Rows of the batch whose true label has arrived."),
            P(PerformancePoints.ConceptDegraded, "Concept drift", true, FlagUnit, "1 when performance is worse than hold-out beyond noise (95 % interval).") with { WindowBatches = ConceptDrift.WindowBatches },
            P(PerformancePoints.WindowDegraded, "Concept drift (rolling window)", true, FlagUnit, "1 when the latest labelled batches together perform worse than hold-out beyond noise.") with { WindowBatches = ConceptDrift.WindowBatches },
            new(ShadowLatencyP95, "Shadow latency p95", MetricFamily.Release, GateScope.Release, false, true, "µs", "95th percentile of the time to score one row, measured by re-scoring the latest production batches."),
            new(ShadowLabelledRows, "Shadow labelled rows", MetricFamily.Release, GateScope.Release, false, null, "rows", "Labelled production rows the shadow metrics are computed on."),
        };
        list.Add(new(Estimation.PerformanceEstimate.Prefix + Estimation.PerformanceEstimate.Mae, "Estimated MAE", MetricFamily.Performance, GateScope.Batch, false, true, "",
            "Mean absolute error estimated at import, before labels arrive, by a model of the champion's errors trained on its hold-out (direct loss estimation); the band is ± 3 standard errors.") { Tasks = RegressionTasks });
        list.Add(new(Estimation.PerformanceEstimate.Prefix + Estimation.PerformanceEstimate.Rmse, "Estimated RMSE", MetricFamily.Performance, GateScope.Batch, false, true, "",
            "Root mean squared error estimated at import, before labels arrive, by a model of the champion's squared errors trained on its hold-out (direct loss estimation); the band is ± 3 standard errors.") { Tasks = RegressionTasks });
        foreach (var (metric, name, lowerIsBetter, explanation, tasks) in PerformanceMetrics.Where(m => m.Metric is "accuracy" or "precision" or "recall" or "f1" or "roc_auc"))
        {
            list.Add(new(Estimation.PerformanceEstimate.Prefix + metric, "Estimated " + (name.Length <= 3 || char.IsUpper(name[^1]) ? name : name.ToLowerInvariant()), MetricFamily.Performance, GateScope.Batch, false, lowerIsBetter, "",
                explanation + " Estimated at import, before labels arrive, from the model's calibrated confidence (CBPE); the band is ± 3 standard errors.") { Tasks = BinaryTasks });
        }
        foreach (var (metric, name, lowerIsBetter, explanation, tasks) in PerformanceMetrics)
        {
            var lower = lowerIsBetter;
            list.Add(new(PerformancePoints.Prefix + metric, name, MetricFamily.Performance, GateScope.Batch, false, lower, "", explanation + " Needs labels.") { Tasks = tasks, PerSegment = true });
            list.Add(new(HoldoutPrefix + metric, $"Hold-out {name}", MetricFamily.Release, GateScope.Release, false, lower, "", explanation + " On the version's hold-out set.") { Tasks = tasks });
            list.Add(new(ShadowPrefix + metric, $"Shadow {name}", MetricFamily.Release, GateScope.Release, false, lower, "", explanation + " On the latest labelled production batches, re-scored by the version.") { Tasks = tasks, PerSegment = true });
        }
        foreach (var (metric, name, lowerIsFairer, explanation) in FairnessMetrics)
        {
            var labelFree = metric is "demographic_parity_difference" or "demographic_parity_ratio" or "disparate_impact";
            list.Add(new(FairnessPrefix + metric, name, MetricFamily.Fairness, GateScope.Batch, true, lowerIsFairer, "",
                explanation + (labelFree ? " Over every scored row of the batch; no labels needed." : " Over the batch's labelled rows.") + " The column is the segment attribute.") { Tasks = BinaryTasks, WindowBatches = Fairness.FairnessMetrics.WindowBatches });
            list.Add(new(ShadowPrefix + FairnessPrefix + metric, $"Shadow {name.ToLowerInvariant()}", MetricFamily.Release, GateScope.Release, true, lowerIsFairer, "",
                explanation + " On the latest labelled production batches, re-scored by the version. The column is the segment attribute.") { Tasks = BinaryTasks });
        }
        return list.ToDictionary(m => m.Key, StringComparer.Ordinal);

        static MetricInfo Q(string key, string name, string unit, string text, bool perColumn = false) =>
            new(key, name, MetricFamily.DataQuality, GateScope.Batch, perColumn, true, unit, text);
        static MetricInfo D(string key, string name, string unit, string text, bool perColumn = false) =>
            new(key, name, MetricFamily.Drift, GateScope.Batch, perColumn, unit == "score" ? null : true, unit, text);
        static MetricInfo B(string key, string name, bool? lowerIsBetter, string unit, string text) =>
            new(key, name, MetricFamily.Behavior, GateScope.Batch, false, lowerIsBetter, unit, text);
        static MetricInfo P(string key, string name, bool? lowerIsBetter, string unit, string text) =>
            new(key, name, MetricFamily.Performance, GateScope.Batch, false, lowerIsBetter, unit, text);
    }
}
