namespace DataProductDashboard.Analysis.Drift;

/// <summary>Runs the chosen (or default) method on each column and sums up dataset drift. Seasonal columns (calendar
/// cycles) are tested like any other but left out of the dataset-drift share.</summary>
public static class DriftDetector
{
    public const string PredictionColumn = "prediction";

    /// <param name="seasonal">Marks the result seasonal: shown apart, not counted in dataset drift.</param>
    public static DriftColumnResult Detect(ColumnPair pair, DriftOverride? choice = null, bool seasonal = false)
    {
        var method = choice?.Method is { } name
            ? DriftMethods.Find(name) ?? throw new ArgumentException($"Unknown drift method '{name}'; use one of {string.Join(", ", DriftMethods.All.Select(m => m.Name))}.")
            : DriftMethods.DefaultFor(pair);
        var threshold = choice?.Threshold ?? method.DefaultThreshold;
        var score = DriftMethods.Score(method, pair);
        double? referenceMean = pair.IsNumeric ? pair.ReferenceNumbers!.MeanAndStd().Mean : null;
        double? currentMean = pair.IsNumeric ? pair.CurrentNumbers!.MeanAndStd().Mean : null;
        return new DriftColumnResult(pair.Column, pair.Kind.ToString(), method.Name, method.DisplayName, method.ScoreKind, threshold, score,
            method.IsDrift(score, threshold), method.Rule(threshold), pair.ReferenceCount, pair.CurrentCount, referenceMean, currentMean, seasonal);
    }

    /// <param name="seasonal">Names of the seasonal columns (null: none).</param>
    public static DatasetDriftResult DetectAll(IEnumerable<ColumnPair> columns, ColumnPair? prediction, DriftSettings settings,
        IReadOnlySet<string>? seasonal = null)
    {
        var results = columns
            .Where(p => p.ReferenceCount > 0 && p.CurrentCount > 0)
            .AsParallel().AsOrdered()
            .Select(p => Detect(p, settings.Overrides?.GetValueOrDefault(p.Column), seasonal?.Contains(p.Column) == true))
            .ToList();
        return Summarize(results, prediction is null ? null : DetectPrediction(prediction, settings), settings);
    }

    /// <summary>A column's result as <see cref="DetectAll"/> gives it, or null when either side has no values (such a
    /// column is left out): lets a caller test each column as soon as its data is ready and drop that data.</summary>
    public static DriftColumnResult? DetectColumn(ColumnPair pair, DriftSettings settings, bool seasonal = false) =>
        pair is { ReferenceCount: > 0, CurrentCount: > 0 } ? Detect(pair, settings.Overrides?.GetValueOrDefault(pair.Column), seasonal) : null;

    public static DriftColumnResult? DetectPrediction(ColumnPair prediction, DriftSettings settings) =>
        prediction is { ReferenceCount: > 0, CurrentCount: > 0 } ? Detect(prediction, settings.Overrides?.GetValueOrDefault(PredictionColumn)) : null;

    /// <summary>Dataset drift from the columns' results (in column order) and the prediction's: the share of drifted
    /// columns among those that are not seasonal. A batch whose only drifted columns are seasonal has no dataset drift.</summary>
    public static DatasetDriftResult Summarize(IReadOnlyList<DriftColumnResult> results, DriftColumnResult? predictionResult, DriftSettings settings)
    {
        var counted = results.Count(r => !r.Seasonal);
        var drifted = results.Count(r => r.Drift && !r.Seasonal);
        var share = counted == 0 ? 0 : (double)drifted / counted;
        return new DatasetDriftResult(counted, drifted, share, settings.ShareThreshold, counted > 0 && share >= settings.ShareThreshold, results, predictionResult);
    }
}
