namespace DataProductDashboard.Data.Entities;

/// <summary>How many rows of a batch of a binary model fall in one confusion cell of one tuple of segment values:
/// (<see cref="Groups"/>, predicted, label) → count, with label −1 for rows whose label has not arrived. Fairness over
/// any time range and any attribute (or two crossed) sums these instead of reading predictions.</summary>
public sealed class GroupCell
{
    public int BatchId { get; set; }
    public int ProductId { get; set; }
    /// <summary>The tuple of segment values (<see cref="Analysis.Segments.SegmentTuple"/>).</summary>
    public required string Groups { get; set; }
    /// <summary>1 predicted positive, 0 negative.</summary>
    public int Predicted { get; set; }
    /// <summary>1 positive, 0 negative, −1 not labelled yet.</summary>
    public int Label { get; set; }
    public long Count { get; set; }
    /// <summary>The batch's receipt time, copied so a time range is one index read.</summary>
    public DateTime At { get; set; }
}
