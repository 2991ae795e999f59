using System.Globalization;
using DataProductDashboard.Analysis.Performance;
using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.ViewModels.Audit;

/// <summary>How performance on labelled rows and concept-drift verdicts read.</summary>
public static class PerformanceDisplay
{
    /// <summary>The headline metrics of a performance result as (name, value) in display order.</summary>
    public static IReadOnlyList<(string Name, string Value)> Metrics(PerformanceResult result)
    {
        var rows = new List<(string, string)>();
        if (result.Regression is { } r)
        {
            rows.Add(("MAE", Display.Number(r.Mae)));
            rows.Add(("RMSE", Display.Number(r.Rmse)));
            rows.Add(("R²", Display.Number(r.R2)));
            rows.Add(("MAPE", double.IsFinite(r.Mape) ? r.Mape.ToString("0.0%", CultureInfo.InvariantCulture) : "–"));
            rows.Add(("Median abs. error", Display.Number(r.MedianAbsoluteError)));
            rows.Add(("Mean error", Display.Number(r.MeanError)));
        }
        if (result.Classification is { } c)
        {
            rows.Add(("Accuracy", Display.Number(c.Accuracy)));
            rows.Add(("Balanced accuracy", Display.Number(c.BalancedAccuracy)));
            rows.Add(("Precision", Display.Number(c.Precision)));
            rows.Add(("Recall", Display.Number(c.Recall)));
            rows.Add(("F1", Display.Number(c.F1)));
            rows.Add(("ROC AUC", Display.Number(c.RocAuc)));
            rows.Add(("Log loss", Display.Number(c.LogLoss)));
            rows.Add(("Brier", Display.Number(c.Brier)));
        }
        return rows;
    }

    public static string Verdict(ConceptDriftVerdict verdict) => verdict switch
    {
        ConceptDriftVerdict.Degraded => "Degraded",
        ConceptDriftVerdict.Improved => "Improved",
        ConceptDriftVerdict.Stable => "Stable",
        _ => "Too few labels",
    };

    /// <summary>"MAE 52.1 (95 % CI 48.0–56.3) vs hold-out 41.2 over 168 rows".</summary>
    public static string Describe(ConceptDriftResult r) =>
        $"{MetricNames.Display(r.Metric)} {Display.Number(r.Value)} (95 % CI {Display.Number(r.Low)}–{Display.Number(r.High)}) vs hold-out {Display.Number(r.Holdout)} over {Display.Count(r.Count)} rows";
}
