using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Gates;

/// <summary>A stored gate rule with its text and its latest outcome.</summary>
public sealed record GateRuleView(
    int Id, int ProductId, string Name, string Text, GateScope Scope, string MetricKey, string MetricName, string? Column, string? Segment,
    GateCondition Condition, double Threshold, double? UpperThreshold, RelativeBound Bound, ToleranceUnit Unit, GateSeverity Severity,
    string Owner, bool Enabled, DateTime CreatedAt, DateTime UpdatedAt,
    GateStatus? LastStatus, string? LastDescription, DateTime? LastAt)
{
    /// <summary>When the latest outcome is a release gate blocking a version with an active waiver: that waiver.</summary>
    public WaiverState? LastWaiver { get; init; }

    /// <summary>The product's label unit ("rentals"), written after the thresholds of error metrics.</summary>
    public string? LabelUnit { get; init; }

    public GateRuleInput ToInput() => new(Scope, MetricKey, Column, Condition, Threshold, Severity, UpperThreshold, Bound, Unit, Name, Owner, Enabled, Segment);
}
