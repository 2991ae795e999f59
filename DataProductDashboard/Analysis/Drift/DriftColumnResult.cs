namespace DataProductDashboard.Analysis.Drift;

/// <summary>Drift verdict for one column: the method, its threshold and rule, the score, and the shift of the mean.</summary>
/// <param name="Seasonal">The column is seasonal (a calendar cycle, <see cref="Domain.ColumnSpec.Seasonal"/>): its
/// verdict is shown apart and does not count in the dataset-drift share. Absent in stored results: false.</param>
public sealed record DriftColumnResult(
    string Column,
    string Kind,
    string Method,
    string MethodDisplayName,
    ScoreKind ScoreKind,
    double Threshold,
    double Score,
    bool Drift,
    string Rule,
    long ReferenceCount,
    long CurrentCount,
    double? ReferenceMean,
    double? CurrentMean,
    bool Seasonal = false)
{
    /// <summary>"up", "down" or "none": where the current mean moved relative to the reference (numeric columns).</summary>
    public string Direction => ReferenceMean is { } r && CurrentMean is { } c ? c > r ? "up" : c < r ? "down" : "none" : "none";
}
