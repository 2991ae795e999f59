namespace DataProductDashboard.Analysis.Experiments;

/// <summary>The live statistics of an A/B test: the primary comparison and the secondary ones (all Holm-adjusted as one
/// family), the sample size plan of the primary metric and how far along it is (0–1). The counts are the primary
/// metric's observations per arm (labelled rows for performance metrics).</summary>
public sealed record ExperimentResult(ArmComparison? Primary, IReadOnlyList<ArmComparison> Secondary, SampleSizePlan? Plan, double? Progress,
    long PrimaryChampionCount, long PrimaryChallengerCount);
