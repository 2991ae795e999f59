using DataProductDashboard.Analysis.Gates;

namespace DataProductDashboard.Services.Gates;

/// <summary>What a rule being edited would have said about one recent batch.</summary>
public sealed record GatePreviewRow(int BatchId, DateTime ReceivedAt, string FileName, GateOutcome Outcome)
{
    /// <summary>The batch's number within its product ("#3").</summary>
    public int BatchNumber { get; init; }
}
