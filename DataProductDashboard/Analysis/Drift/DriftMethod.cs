using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Drift;

/// <summary>A drift method of the registry. Verdict: p ≤ t for KS, p &lt; t for the other tests, score ≥ t for distances.</summary>
public sealed record DriftMethod(
    string Name,
    string DisplayName,
    IReadOnlyList<ColumnKind> ColumnKinds,
    double DefaultThreshold,
    ScoreKind ScoreKind,
    bool DriftAtThreshold)
{
    public bool IsDrift(double score, double threshold) => ScoreKind == ScoreKind.PValue
        ? DriftAtThreshold ? score <= threshold : score < threshold
        : score >= threshold;

    /// <summary>The verdict rule in words, e.g. "p ≤ 0.05" or "distance ≥ 0.1".</summary>
    public string Rule(double threshold) => ScoreKind == ScoreKind.PValue
        ? $"drift when p {(DriftAtThreshold ? "≤" : "<")} {threshold:G4}"
        : $"drift when {DisplayName} ≥ {threshold:G4}";
}
