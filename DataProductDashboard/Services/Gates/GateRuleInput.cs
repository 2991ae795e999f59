using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Gates;

/// <summary>A gate rule as the editor and the API send it.</summary>
public sealed record GateRuleInput(
    GateScope Scope,
    string MetricKey,
    string? Column,
    GateCondition Condition,
    double Threshold,
    GateSeverity Severity,
    double? UpperThreshold = null,
    RelativeBound Bound = RelativeBound.NotBelow,
    ToleranceUnit Unit = ToleranceUnit.Percent,
    string? Name = null,
    string? Owner = null,
    bool Enabled = true,
    string? Segment = null)
{
    public GateRuleSpec ToSpec() => new(Scope, MetricKey?.Trim() ?? "", string.IsNullOrWhiteSpace(Column) ? null : Column.Trim(),
        string.IsNullOrWhiteSpace(Segment) ? null : Segment.Trim(), Condition, Threshold, UpperThreshold, Bound, Unit, Severity);

    public static GateRuleInput From(GateRuleSpec spec, string? name = null, string? owner = null) => new(spec.Scope, spec.MetricKey, spec.Column,
        spec.Condition, spec.Threshold, spec.Severity, spec.UpperThreshold, spec.Bound, spec.Unit, name, owner, true, spec.Segment);
}
