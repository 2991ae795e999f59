using DataProductDashboard.Domain;

namespace DataProductDashboard.Data.Entities;

/// <summary>The model's output for one row of a batch; the label joins later by row key.</summary>
public sealed class Prediction
{
    public int BatchId { get; set; }
    /// <summary>The batch's product, kept on the row so that a label file finds its rows through the (product, row key)
    /// index without reading the product's other predictions.</summary>
    public int ProductId { get; set; }
    /// <summary>0-based position of the row in the batch file.</summary>
    public int RowIndex { get; set; }
    public required string RowKey { get; set; }
    /// <summary>Regression: the predicted value. Binary: 1 for the positive class, 0 otherwise.</summary>
    public double Predicted { get; set; }
    /// <summary>Binary: probability of the positive class.</summary>
    public double? Score { get; set; }
    public double? Label { get; set; }
    public DateTime? LabelAt { get; set; }
    /// <summary>The A/B arm that scored the row while an experiment ran; null otherwise.</summary>
    public ExperimentArm? Arm { get; set; }
    /// <summary>The row's value of each segment attribute (<see cref="Analysis.Segments.SegmentTuple"/>); null when the
    /// product has no segment attributes.</summary>
    public string? Segments { get; set; }
}
