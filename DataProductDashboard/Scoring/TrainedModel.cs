namespace DataProductDashboard.Scoring;

/// <summary>A model trained in the app, saved as an ML.NET zip, with its hold-out evaluation.</summary>
/// <param name="NegativeClass">Binary: the one label value besides the positive class in the training rows (null when
/// they hold several, or for other tasks); see <see cref="Domain.ClassNames.NegativeFromLabels"/>.</param>
public sealed record TrainedModel(
    byte[] Zip,
    string Trainer,
    TimeSpan TrainingTime,
    int TrainingRows,
    int HoldoutRows,
    IReadOnlyDictionary<string, double> HoldoutMetrics,
    string? NegativeClass = null)
{
    /// <summary>The trainer's settings, the hold-out fraction and how it was split, and the seed.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Binary classifiers with probabilities: each hold-out row's label, positive-class probability and
    /// prediction (1 / 0), the reference on which performance is later estimated before labels arrive; null otherwise.</summary>
    public Analysis.HoldoutSample? Holdout { get; init; }

    /// <summary>Regression: the direct-loss-estimation model (an ML.NET zip predicting the absolute error from the
    /// features and the prediction), trained on the hold-out; null otherwise.</summary>
    public byte[]? ErrorModel { get; init; }

    /// <summary>Regression: the same for the squared error (the estimated RMSE); null otherwise.</summary>
    public byte[]? SquaredErrorModel { get; init; }
}
