using DataProductDashboard.Analysis.Statistics;

namespace DataProductDashboard.Analysis;

/// <summary>The distribution of a batch's predictions: a summary and histogram of the value (regression) or of the
/// positive-class probability (binary), and the positive share for binary models.</summary>
public sealed record PredictionProfile(Summary? Values, Histogram Histogram, double? PositiveShare)
{
    /// <summary>Multiclass: the share of rows predicted as each class, in the product's class order.</summary>
    public IReadOnlyList<double>? ClassShares { get; init; }

    /// <summary>The profile a task's outputs give: regression values, binary classes and probabilities, or multiclass
    /// class indices and confidences.</summary>
    public static PredictionProfile For(Domain.TaskType task, float[] predicted, float[]? probability, int classes) => task switch
    {
        Domain.TaskType.Regression => Regression(predicted),
        Domain.TaskType.MulticlassClassification => Multiclass(predicted, probability, classes),
        _ => Binary(predicted, probability),
    };

    /// <summary>Multiclass: the class shares, and the distribution of the model's confidence (the predicted class's
    /// probability) as the values.</summary>
    public static PredictionProfile Multiclass(float[] predicted, float[]? confidence, int classes)
    {
        var counts = new double[classes];
        foreach (var p in predicted)
        {
            if (p >= 0 && p < classes)
                counts[(int)p]++;
        }
        var shares = counts.Select(c => predicted.Length == 0 ? 0 : c / predicted.Length).ToList();
        var values = confidence ?? predicted;
        return new(Summary.Of(values), Histogram.Of(values, 20), null) { ClassShares = shares };
    }

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
