namespace DataProductDashboard.Analysis.Performance;

/// <summary>Every number of a performance result as (metric key, value) for the metric history.</summary>
public static class PerformancePoints
{
    public const string Prefix = "perf.";
    public const string ConceptValue = "concept.value";
    public const string ConceptLow = "concept.low";
    public const string ConceptHigh = "concept.high";
    public const string ConceptDegraded = "concept.degraded";
    public const string WindowValue = "concept.window.value";
    public const string WindowDegraded = "concept.window.degraded";
    public const string LabelledRows = "perf.labelled_rows";

    public static IEnumerable<(string Key, double Value)> Flatten(PerformanceResult result)
    {
        yield return (LabelledRows, result.LabelledRows);
        if (result.Regression is { } r)
        {
            yield return (Prefix + "mae", r.Mae);
            yield return (Prefix + "rmse", r.Rmse);
            yield return (Prefix + "mape", r.Mape);
            yield return (Prefix + "r2", r.R2);
            yield return (Prefix + "median_ae", r.MedianAbsoluteError);
            yield return (Prefix + "mean_error", r.MeanError);
        }
        if (result.Classification is { } c)
        {
            yield return (Prefix + "accuracy", c.Accuracy);
            yield return (Prefix + "balanced_accuracy", c.BalancedAccuracy);
            if (c.IsMulticlass)
            {
                // Multiclass: no positive class, so the macro averages (every class counts the same).
                yield return (Prefix + "macro_precision", c.MacroPrecision);
                yield return (Prefix + "macro_recall", c.MacroRecall);
                yield return (Prefix + "macro_f1", c.MacroF1);
            }
            else
            {
                yield return (Prefix + "precision", c.Precision);
                yield return (Prefix + "recall", c.Recall);
                yield return (Prefix + "f1", c.F1);
            }
            if (c.RocAuc is { } auc)
                yield return (Prefix + "roc_auc", auc);
            if (c.LogLoss is { } logLoss)
                yield return (Prefix + "log_loss", logLoss);
            if (c.Brier is { } brier)
                yield return (Prefix + "brier", brier);
        }
        var d = result.ConceptDrift;
        if (double.IsFinite(d.Value))
            yield return (ConceptValue, d.Value);
        if (double.IsFinite(d.Low) && double.IsFinite(d.High))
        {
            yield return (ConceptLow, d.Low);
            yield return (ConceptHigh, d.High);
        }
        yield return (ConceptDegraded, d.Verdict == ConceptDriftVerdict.Degraded ? 1 : 0);
        if (result.Window is { } w && double.IsFinite(w.Value))
        {
            yield return (WindowValue, w.Value);
            yield return (WindowDegraded, w.Verdict == ConceptDriftVerdict.Degraded ? 1 : 0);
        }
    }
}
