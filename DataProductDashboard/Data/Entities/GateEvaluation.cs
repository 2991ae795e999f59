using DataProductDashboard.Domain;

namespace DataProductDashboard.Data.Entities;

/// <summary>What one gate rule said about one batch (batch gates) or one model version (release gates).</summary>
public sealed class GateEvaluation
{
    public long Id { get; set; }
    public int ProductId { get; set; }
    public int GateRuleId { get; set; }
    public GateRule? GateRule { get; set; }
    public int? BatchId { get; set; }
    public int? ModelVersionId { get; set; }
    public GateStatus Status { get; set; }
    public double? Actual { get; set; }
    /// <summary>The reference or champion value a relative rule compared with.</summary>
    public double? Compared { get; set; }
    public required string Description { get; set; }
    /// <summary>The time the outcome belongs to: the batch's arrival, or the release evaluation.</summary>
    public DateTime At { get; set; }
    public DateTime EvaluatedAt { get; set; }
}
