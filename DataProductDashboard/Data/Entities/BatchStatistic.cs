namespace DataProductDashboard.Data.Entities;

/// <summary>Mergeable moments (count, mean, M2) of one quantity over one segment of a batch's rows — today each A/B arm
/// of a split batch ("arm:champion", "arm:challenger"), keyed like <see cref="Analysis.Experiments.ArmStatistics"/>. An
/// experiment's statistics merge these instead of reading its predictions again.</summary>
public sealed class BatchStatistic
{
    public int BatchId { get; set; }
    public required string Segment { get; set; }
    public required string Key { get; set; }
    /// <summary>The A/B test that split the batch (indexed: an experiment's statistics are one range read).</summary>
    public int? ExperimentId { get; set; }
    /// <summary>The model version that scored the segment's rows.</summary>
    public int ModelVersionId { get; set; }
    public long Count { get; set; }
    public double Mean { get; set; }
    public double M2 { get; set; }
}
