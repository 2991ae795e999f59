namespace DataProductDashboard.Data.Entities;

/// <summary>A product manager's recorded decision to release a model version despite failing critical release gates,
/// valid until <see cref="ExpiresAt"/>.</summary>
public sealed class ReleaseWaiver
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public int ModelVersionId { get; set; }
    public required string Reason { get; set; }
    public DateTime ExpiresAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
