namespace DataProductDashboard.Analysis.Drift;

/// <summary>Per-product drift settings: dataset drift share threshold and per-column overrides.</summary>
public sealed record DriftSettings(double ShareThreshold = 0.5, IReadOnlyDictionary<string, DriftOverride>? Overrides = null)
{
    public static DriftSettings Default { get; } = new();
}
