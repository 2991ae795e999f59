namespace DataProductDashboard.Analysis.Drift;

/// <summary>Per-product drift settings: dataset drift share threshold, per-column overrides and the reference window
/// (training data when null).</summary>
public sealed record DriftSettings(double ShareThreshold = 0.5, IReadOnlyDictionary<string, DriftOverride>? Overrides = null, ReferenceWindow? Reference = null)
{
    public static DriftSettings Default { get; } = new();

    /// <summary>The reference window in force: <see cref="Reference"/>, or training data.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ReferenceWindow Window => Reference ?? ReferenceWindow.Training;
}
