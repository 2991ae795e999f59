using DataProductDashboard.Domain;

namespace DataProductDashboard.Data.Entities;

/// <summary>Something a person should look at. Deduplicated by <see cref="Key"/>: while an alert is not resolved,
/// the same rule failing again updates it (count, last seen) instead of raising another.</summary>
public sealed class Alert
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public AlertKind Kind { get; set; }
    /// <summary>Deduplication key, e.g. "gate:12" or "missing-batch".</summary>
    public required string Key { get; set; }
    public int? GateRuleId { get; set; }
    public GateSeverity Severity { get; set; }
    public required string Title { get; set; }
    public string Message { get; set; } = "";
    /// <summary>In-app link to the evidence (batch, column, chart).</summary>
    public string Link { get; set; } = "";
    public int? BatchId { get; set; }
    public string? Column { get; set; }
    public AlertState State { get; set; }
    public int Count { get; set; } = 1;
    public DateTime FirstSeenAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolutionNote { get; set; }
    /// <summary>The release waiver that resolved it (a failing release gate of a waived version).</summary>
    public int? WaiverId { get; set; }
}
