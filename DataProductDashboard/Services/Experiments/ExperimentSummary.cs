using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Experiments;

/// <summary>An A/B test with its live statistics, computed from the stored predictions of its batches: rows per arm, the
/// primary and secondary comparisons (Holm-adjusted together; <see cref="ArmComparison.Metric"/> is the metric key), the
/// sample-ratio check on the arm row counts, the sample size plan of the primary metric and how far along it is (0–1).</summary>
/// <param name="ChampionVersion">Version number of the champion arm.</param>
/// <param name="ChallengerVersion">Version number of the challenger arm.</param>
/// <param name="Link">The experiment on its page: /products/{productId}/experiments?experiment={id}.</param>
public sealed record ExperimentSummary(
    int Id,
    int ProductId,
    string Name,
    int ChampionVersion,
    int ChallengerVersion,
    double ChallengerShare,
    string PrimaryMetric,
    string PrimaryMetricName,
    double MinimumDetectableEffect,
    double Alpha,
    ExperimentStatus Status,
    DateTime StartedAt,
    DateTime? StoppedAt,
    ExperimentDecision? Decision,
    string? DecidedBy,
    DateTime? DecidedAt,
    string? DecisionReason,
    long ChampionRows,
    long ChallengerRows,
    ArmComparison? Primary,
    IReadOnlyList<ArmComparison> Secondary,
    SampleRatioCheck? SampleRatio,
    SampleSizePlan? Plan,
    double? Progress,
    string Link)
{
    public static string LinkFor(int productId, int experimentId) => $"/products/{productId}/experiments?experiment={experimentId}";
}
