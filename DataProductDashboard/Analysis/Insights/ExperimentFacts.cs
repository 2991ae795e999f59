using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Insights;

/// <summary>An A/B test as an insight needs it: the primary metric per arm and its p-value (tested at α on its own), how
/// far along the test is (0–1), the sample-ratio check and the decision if one was taken. <c>LowerIsBetter</c> is null for
/// metrics without a better direction (positive share, mean prediction, mean error).</summary>
public sealed record ExperimentFacts(int Id, string Name, int ChampionVersion, int ChallengerVersion, bool Running, ExperimentDecision? Decision,
    string? DecidedBy, string PrimaryMetricName, bool? LowerIsBetter, double? Champion, double? Challenger, double? RelativeDifference,
    double? PValue, double Alpha, double? Progress, bool SampleRatioMismatch, string Link);
