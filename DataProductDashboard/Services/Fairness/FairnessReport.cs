using DataProductDashboard.Analysis.Fairness;

namespace DataProductDashboard.Services.Fairness;

/// <summary>The fairness of a product's labelled rows across the groups of one attribute (or two crossed, "A × B"):
/// per-group rates, the metrics across groups with their 95 % bootstrap intervals, and the finding in one sentence.
/// The API's shape: <c>attribute</c>, <c>groups</c> (group, support, selectionRate, truePositiveRate,
/// falsePositiveRate, precision, accuracy, and judged / disparateImpact) and <c>metrics</c> (name, value, ciLow, ciHigh).</summary>
public sealed record FairnessReport(
    int ProductId,
    string Attribute,
    IReadOnlyList<FairnessGroup> Groups,
    IReadOnlyList<FairnessMetric> Metrics,
    string? Finding,
    long LabelledRows,
    int MinSupport,
    int Resamples,
    int Seed,
    string PositiveClass,
    IReadOnlyList<string> Attributes,
    DateTime? From,
    DateTime? To,
    int? BatchId)
{
    /// <summary>Labelled rows left out because their batches were stored before the attribute became a segment.</summary>
    public long UnmeasuredRows { get; init; }

    /// <summary><see cref="BatchId"/>'s number within the product ("#3").</summary>
    public int? BatchNumber { get; init; }

    public FairnessMetric? Metric(string name) => Metrics.FirstOrDefault(m => m.Name == name);
}
