namespace DataProductDashboard.Data.Entities;

/// <summary>What a batch lends to reference windows (<see cref="Analysis.Drift.ReferenceSample"/>), kept at import in a
/// compact binary form (<see cref="ReferenceSampleCodec"/>): a few kilobytes per batch, kept when the retention setting
/// removes the batch's rows.</summary>
public sealed class BatchReferenceSample
{
    public int BatchId { get; set; }
    public required byte[] Payload { get; set; }
}
