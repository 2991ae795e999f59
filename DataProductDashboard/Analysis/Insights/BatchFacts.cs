namespace DataProductDashboard.Analysis.Insights;

/// <summary>What the audit of the newest batch showed: input drift, prediction drift (null when not measured) and
/// the gates judged on it (<paramref name="JudgedGates"/>) and those it failed (critical) or warned on, by name.</summary>
public sealed record BatchFacts(int BatchId, DateTime ReceivedAt, DateTime? EventFrom, DateTime? EventTo, int Rows,
    int DriftedColumns, int Columns, bool DatasetDrift, IReadOnlyList<string> TopDrifted, bool? PredictionDrift,
    int JudgedGates, IReadOnlyList<string> FailedGates, IReadOnlyList<string> WarningGates)
{
    /// <summary>The batch's number within its product, as insights name it ("Batch #3").</summary>
    public int BatchNumber { get; init; }
}
