namespace DataProductDashboard.Services.Audit;

/// <summary>One point of a metric's history: the batch's own (scored by <paramref name="ModelVersion"/>, the champion
/// then), or with <paramref name="Shadow"/> a challenger's measured on its shadow scores of the same batch.</summary>
public sealed record MetricSeriesPoint(DateTime At, double Value, int? BatchId, int? ModelVersion, string? Column, string? Segment, bool Shadow = false);
