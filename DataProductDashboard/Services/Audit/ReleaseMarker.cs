namespace DataProductDashboard.Services.Audit;

/// <summary>When a model version became champion: drawn on every time axis.</summary>
public sealed record ReleaseMarker(int Version, DateTime At, string Trainer);
