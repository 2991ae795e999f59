namespace DataProductDashboard.Services.Releases;

/// <summary>A recorded waiver; <see cref="Active"/> until it expires.</summary>
public sealed record WaiverView(int Id, int Version, string Reason, DateTime ExpiresAt, string CreatedBy, DateTime CreatedAt, bool Active);
