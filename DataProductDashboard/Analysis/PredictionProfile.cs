using DataProductDashboard.Analysis.Statistics;

namespace DataProductDashboard.Analysis;

/// <summary>The distribution of a batch's predictions: a summary and histogram of the value (regression) or of the
/// positive-class probability (binary), and the positive share for binary models.</summary>
public sealed record PredictionProfile(Summary? Values, Histogram Histogram, double? PositiveShare)
{
    public static PredictionProfile Regression(float[] predicted) =>
        new(Summary.Of(predicted), Histogram.Of(predicted, Math.Min(50, Histogram.SturgesBins(predicted.Length))), null);

    public static PredictionProfile Binary(float[] predicted, float[]? probability)
    {
        double positives = 0;
        foreach (var p in predicted)
            positives += p;
        var share = predicted.Length == 0 ? 0 : positives / predicted.Length;
        var values = probability ?? predicted;
        return new(Summary.Of(values), Histogram.Of(values, 20), share);
    }
}
