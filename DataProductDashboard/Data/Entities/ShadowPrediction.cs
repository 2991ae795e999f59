namespace DataProductDashboard.Data.Entities;

/// <summary>A challenger's output for one row of a production batch, scored beside the champion (shadow scoring); its
/// label is the champion's row's (same batch, same <see cref="RowIndex"/>), so both are measured on identical rows.</summary>
public sealed class ShadowPrediction
{
    public int BatchId { get; set; }
    public int ModelVersionId { get; set; }
    /// <summary>0-based position of the row in the batch file (the key of the champion's prediction of that row).</summary>
    public int RowIndex { get; set; }
    /// <summary>Regression: the predicted value. Binary: 1 for the positive class, 0 otherwise.</summary>
    public double Predicted { get; set; }
    /// <summary>Binary: probability of the positive class.</summary>
    public double? Score { get; set; }
}
