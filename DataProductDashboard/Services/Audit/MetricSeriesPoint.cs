namespace DataProductDashboard.Services.Audit;

/// <summary>One point of a metric's history.</summary>
public sealed record MetricSeriesPoint(DateTime At, double Value, int? BatchId, int? ModelVersion, string? Column, string? Segment);
