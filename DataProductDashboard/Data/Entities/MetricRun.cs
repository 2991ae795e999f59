namespace DataProductDashboard.Data.Entities;

/// <summary>One analysis of a batch or model version; the full result as JSON.</summary>
public sealed class MetricRun
{
    public long Id { get; set; }
    public int ProductId { get; set; }
    public int? BatchId { get; set; }
    public int? ModelVersionId { get; set; }
    /// <summary>What was analysed, e.g. "scoring".</summary>
    public required string Kind { get; set; }
    public DateTime At { get; set; }
    public required string ResultJson { get; set; }
}
