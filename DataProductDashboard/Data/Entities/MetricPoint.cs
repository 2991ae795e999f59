namespace DataProductDashboard.Data.Entities;

/// <summary>One number of a metric run, flattened so that every time series is one indexed query.</summary>
public sealed class MetricPoint
{
    public long Id { get; set; }
    public int ProductId { get; set; }
    public int? BatchId { get; set; }
    public int? ModelVersionId { get; set; }
    public long? MetricRunId { get; set; }
    public required string MetricKey { get; set; }
    public string? Column { get; set; }
    public string? Segment { get; set; }
    public double Value { get; set; }
    /// <summary>Measured on a challenger's shadow scores of the batch (its <see cref="ModelVersionId"/>), not on what the
    /// batch stored: readers of the batch's own figures leave these out.</summary>
    public bool Shadow { get; set; }
    public DateTime At { get; set; }
}
