using DataProductDashboard.Domain;

namespace DataProductDashboard.Data.Entities;

/// <summary>Work that must follow a committed change (gates, KPI contributions, alerts), written in the change's own
/// transaction, so a crash between the commit and the work is repaired when the app starts again.</summary>
public sealed class FollowUp
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public FollowUpKind Kind { get; set; }
    /// <summary>The batches concerned, comma-separated (one for an import or a re-audit, the labelled ones for labels).</summary>
    public string BatchIds { get; set; } = "";
    public int? ExperimentId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DoneAt { get; set; }
    public int Attempts { get; set; }
    public string? Error { get; set; }
}
