namespace DataProductDashboard.Scoring;

/// <summary>A model trained in the app, saved as an ML.NET zip, with its hold-out evaluation.</summary>
public sealed record TrainedModel(
    byte[] Zip,
    string Trainer,
    TimeSpan TrainingTime,
    int TrainingRows,
    int HoldoutRows,
    IReadOnlyDictionary<string, double> HoldoutMetrics);
