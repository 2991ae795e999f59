namespace DataProductDashboard.Analysis;

/// <summary>A binary classifier's hold-out rows: label and prediction (1 positive, 0 negative) and the positive-class
/// probability of each. Performance estimation calibrates the model's scores on these and measures how much a metric
/// varies between chunks of them.</summary>
public sealed record HoldoutSample(double[] Labels, double[] Scores, double[] Predicted)
{
    public int Rows => Labels.Length;
}
