using DataProductDashboard.Analysis.Models;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Models;

/// <summary>Model versions compared on the same labelled production rows (GET /api/products/{id}/models/compare).</summary>
/// <param name="EvaluationRows">The labelled rows every version was scored on.</param>
/// <param name="Batches">The batches those rows come from.</param>
/// <param name="Disagreements">The rows where the versions differ most (at most <see cref="ModelComparisonService.DisagreementsShown"/>;
/// the CSV export has up to <see cref="ModelComparison.MaxDisagreements"/>).</param>
/// <param name="DisagreementCount">How many rows the versions disagree on: a different class (binary), a different value
/// (regression).</param>
public sealed record ModelComparisonView(
    int ProductId,
    TaskType Task,
    int EvaluationRows,
    int Baseline,
    int Resamples,
    int Seed,
    IReadOnlyList<ComparedBatch> Batches,
    IReadOnlyList<ComparedVersion> Versions,
    IReadOnlyList<ComparedMetric> Metrics,
    IReadOnlyList<VersionAgreement> Agreement,
    IReadOnlyList<DisagreementRow> Disagreements,
    int DisagreementCount)
{
    /// <summary>Where the rows come from: the latest labelled production batches, or the evaluation set.</summary>
    public ComparisonSource Source { get; init; } = ComparisonSource.Production;

    /// <summary>The product's evaluation set, when it has one (compared on or not).</summary>
    public EvaluationSetInfo? EvaluationSet { get; init; }

    /// <summary>Regression: the numeric features' values on the rows the diagnostics sample (the same rows for every
    /// version, in the order of <see cref="RegressionDiagnostics.Actual"/>), for residuals against a feature.</summary>
    public IReadOnlyDictionary<string, double[]> SampledFeatures { get; init; } = new Dictionary<string, double[]>();

    /// <summary>Permutation feature importance of each version on (a sample of at most
    /// <see cref="PermutationImportance.MaxRows"/> of) the same rows, most important first.</summary>
    public IReadOnlyList<FeatureImportance> Importance { get; init; } = [];

    /// <summary>Each version's diagnostics on the same rows (binary: with probabilities only).</summary>
    public IReadOnlyList<VersionDiagnostics> Diagnostics { get; init; } = [];

    /// <summary>Binary products with segment attributes: each version's fairness across each attribute's groups on the
    /// same labelled rows, with 95 % bootstrap intervals.</summary>
    public IReadOnlyList<ComparedFairness> Fairness { get; init; } = [];
}

/// <summary>One version's fairness across the groups of one segment attribute, on the compared rows.</summary>
public sealed record ComparedFairness(string Attribute, int Version, IReadOnlyList<Analysis.Fairness.FairnessMetric> Metrics, string? Finding);

/// <summary>One version's diagnostics: <see cref="Binary"/> for a classifier with probabilities, <see cref="Regression"/>
/// for regression.</summary>
public sealed record VersionDiagnostics(int Version, BinaryDiagnostics? Binary, RegressionDiagnostics? Regression)
{
    /// <summary>Multiclass: per-class precision, recall, F1 and support, and the confusion matrix (rows: true class,
    /// columns: predicted class, in the product's class order).</summary>
    public Analysis.Metrics.ClassificationMetrics? Multiclass { get; init; }
}

public sealed record ComparedBatch(int Id, DateTime ReceivedAt, int Rows, int LabelledRows)
{
    /// <summary>The batch's number within its product ("#3").</summary>
    public int Number { get; init; }
}

/// <summary>What a version is: where it came from, how it was trained, and how fast it scored the compared rows.</summary>
public sealed record ComparedVersion(
    int Number,
    ModelSource Source,
    string Trainer,
    ModelStatus Status,
    DateTime CreatedAt,
    DateTime? PromotedAt,
    int? TrainingRows,
    int? HoldoutRows,
    double? TrainingSeconds,
    long FileSizeBytes,
    string FileHash,
    string? ReferenceFileHash,
    IReadOnlyDictionary<string, double> HoldoutMetrics,
    string Notes,
    double LatencyP50Micros,
    double LatencyP95Micros)
{
    /// <summary>Trainer settings, hold-out fraction and split, seed (empty for an uploaded model).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
    /// <summary>The feature columns it takes.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];
    /// <summary>Event-time range of its training data, when known.</summary>
    public DateTime? TrainingFrom { get; init; }
    public DateTime? TrainingTo { get; init; }
}

/// <summary>One compared row: where it is, its label and each version's prediction (binary: with class names).</summary>
/// <param name="BatchId">The production batch of the row; null for a row of the evaluation set.</param>
public sealed record DisagreementRow(int? BatchId, string RowKey, double Label, string? LabelClass, IReadOnlyList<RowPrediction> Predictions);

public sealed record RowPrediction(int Version, double Predicted, string? PredictedClass, double? Probability);
