namespace DataProductDashboard.Analysis.Drift;

/// <summary>Runs the chosen (or default) method on each column and sums up dataset drift.</summary>
public static class DriftDetector
{
    public const string PredictionColumn = "prediction";

    public static DriftColumnResult Detect(ColumnPair pair, DriftOverride? choice = null)
    {
        var method = choice?.Method is { } name
            ? DriftMethods.Find(name) ?? throw new ArgumentException($"Unknown drift method '{name}'; use one of {string.Join(", ", DriftMethods.All.Select(m => m.Name))}.")
            : DriftMethods.DefaultFor(pair);
        var threshold = choice?.Threshold ?? method.DefaultThreshold;
        var score = DriftMethods.Score(method, pair);
        double? referenceMean = pair.IsNumeric ? pair.ReferenceNumbers!.MeanAndStd().Mean : null;
        double? currentMean = pair.IsNumeric ? pair.CurrentNumbers!.MeanAndStd().Mean : null;
        return new DriftColumnResult(pair.Column, pair.Kind.ToString(), method.Name, method.DisplayName, method.ScoreKind, threshold, score,
            method.IsDrift(score, threshold), method.Rule(threshold), pair.ReferenceCount, pair.CurrentCount, referenceMean, currentMean);
    }

    public static DatasetDriftResult DetectAll(IEnumerable<ColumnPair> columns, ColumnPair? prediction, DriftSettings settings)
    {
        var results = columns
            .Where(p => p.ReferenceCount > 0 && p.CurrentCount > 0)
            .AsParallel().AsOrdered()
            .Select(p => Detect(p, settings.Overrides?.GetValueOrDefault(p.Column)))
            .ToList();
        var drifted = results.Count(r => r.Drift);
        var share = results.Count == 0 ? 0 : (double)drifted / results.Count;
        var predictionResult = prediction is { ReferenceCount: > 0, CurrentCount: > 0 } ? Detect(prediction, settings.Overrides?.GetValueOrDefault(PredictionColumn)) : null;
        return new DatasetDriftResult(results.Count, drifted, share, settings.ShareThreshold, results.Count > 0 && share >= settings.ShareThreshold, results, predictionResult);
    }
}
