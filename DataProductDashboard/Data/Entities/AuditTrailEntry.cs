using DataProductDashboard.Domain;

namespace DataProductDashboard.Data.Entities;

/// <summary>One decision in a product's trail: who did what, when, and the state before and after.</summary>
public sealed class AuditTrailEntry
{
    public long Id { get; set; }
    public int ProductId { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public TrailAction Action { get; set; }
    /// <summary>What was acted on, e.g. "gate 4 'Missing share of hum'" or "version 3".</summary>
    public required string Subject { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
