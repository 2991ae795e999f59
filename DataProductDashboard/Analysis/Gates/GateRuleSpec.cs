using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Gates;

/// <summary>What a gate rule says, independent of storage. For <see cref="GateCondition.Between"/>,
/// <see cref="Threshold"/> is the lower and <see cref="UpperThreshold"/> the upper bound; for the relative conditions,
/// <see cref="Threshold"/> is the tolerance, read in <see cref="Unit"/> on the side <see cref="Bound"/> names.</summary>
public sealed record GateRuleSpec(
    GateScope Scope,
    string MetricKey,
    string? Column,
    string? Segment,
    GateCondition Condition,
    double Threshold,
    double? UpperThreshold = null,
    RelativeBound Bound = RelativeBound.NotBelow,
    ToleranceUnit Unit = ToleranceUnit.Percent,
    GateSeverity Severity = GateSeverity.Critical)
{
    public MetricAddress Address => new(MetricKey, Column, Segment);
}
