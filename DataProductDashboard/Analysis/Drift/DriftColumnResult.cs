namespace DataProductDashboard.Analysis.Drift;

/// <summary>Drift verdict for one column: the method, its threshold and rule, the score, and the shift of the mean.</summary>
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
    double? CurrentMean)
{
    /// <summary>"up", "down" or "none": where the current mean moved relative to the reference (numeric columns).</summary>
    public string Direction => ReferenceMean is { } r && CurrentMean is { } c ? c > r ? "up" : c < r ? "down" : "none" : "none";
}
