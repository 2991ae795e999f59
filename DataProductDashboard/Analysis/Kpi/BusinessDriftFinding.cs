using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Kpi;

/// <summary>A KPI off target for a sustained run of periods (<paramref name="From"/> … <paramref name="To"/>, period
/// starts), classified against the audit of the same periods. <paramref name="RelativeGap"/> is the mean of
/// (value − target) / |target| over the run (negative: below target). <paramref name="Reason"/> says in plain words what
/// the audit showed (e.g. "MAE stayed within 5 % of hold-out and no input drifted"). <paramref name="EvidenceBatchId"/>
/// is the batch whose audit decided the classification (the worst one in the run), if any.</summary>
public sealed record BusinessDriftFinding(DriftClassification Classification, DateTime From, DateTime To, int Periods,
    double LatestValue, double RelativeGap, string Reason, int? EvidenceBatchId)
{
    /// <summary><see cref="EvidenceBatchId"/>'s number within the product ("#3"); null in findings stored before batches
    /// were numbered per product.</summary>
    public int? EvidenceBatchNumber { get; init; }
}
