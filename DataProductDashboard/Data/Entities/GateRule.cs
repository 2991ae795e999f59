using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Data.Entities;

/// <summary>A product manager's threshold on one metric: evaluated on every audited batch (scope Batch) or on a
/// candidate model version before release (scope Release).</summary>
public sealed class GateRule
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    /// <summary>A short name; defaults to the rule in words.</summary>
    public string Name { get; set; } = "";
    public GateScope Scope { get; set; }
    public required string MetricKey { get; set; }
    public string? Column { get; set; }
    public string? Segment { get; set; }
    public GateCondition Condition { get; set; }
    public double Threshold { get; set; }
    public double? UpperThreshold { get; set; }
    public RelativeBound Bound { get; set; }
    public ToleranceUnit Unit { get; set; }
    public GateSeverity Severity { get; set; }
    public string Owner { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public GateRuleSpec ToSpec() => new(Scope, MetricKey, Column, Segment, Condition, Threshold, UpperThreshold, Bound, Unit, Severity);
}
