using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Experiments;

/// <summary>The <c>Segment</c> of the metric points measured on one arm of an A/B test: "arm:champion" and
/// "arm:challenger".</summary>
public static class ArmSegment
{
    public const string Champion = "arm:champion";
    public const string Challenger = "arm:challenger";

    public static string Of(ExperimentArm arm) => arm == ExperimentArm.Challenger ? Challenger : Champion;

    /// <summary>The arm a segment names, or null for any other segment.</summary>
    public static ExperimentArm? Parse(string? segment) => segment switch
    {
        Champion => ExperimentArm.Champion,
        Challenger => ExperimentArm.Challenger,
        _ => null,
    };
}
