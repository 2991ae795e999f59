using System.Globalization;
using DataProductDashboard.Analysis.Metrics;
using DataProductDashboard.Analysis.Performance;
using DataProductDashboard.Domain;
using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.ViewModels.Audit;

/// <summary>How performance on labelled rows and concept-drift verdicts read.</summary>
public static class PerformanceDisplay
{
    /// <summary>The headline metrics of a performance result as (name, value) in display order; with
    /// <paramref name="classes"/>, precision, recall and F1 name the class they are of ("Precision (bad)").</summary>
    public static IReadOnlyList<(string Name, string Value)> Metrics(PerformanceResult result, ClassNames? classes = null)
    {
        var of = classes is null ? "" : $" ({classes.Positive})";
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
            if (c.IsMulticlass)
            {
                // Multiclass: no positive class; the macro averages, and each class's F1.
                rows.Add(("Macro precision", Display.Number(c.MacroPrecision)));
                rows.Add(("Macro recall", Display.Number(c.MacroRecall)));
                rows.Add(("Macro F1", Display.Number(c.MacroF1)));
                rows.AddRange(c.PerClass.Select(k => ($"F1 ({k.Class})", $"{Display.Number(k.F1)} · {Display.Count(k.Support)} rows")));
                return rows;
            }
            rows.Add(($"Precision{of}", Display.Number(c.Precision)));
            rows.Add(($"Recall{of}", Display.Number(c.Recall)));
            rows.Add(($"F1{of}", Display.Number(c.F1)));
            rows.Add(("ROC AUC", Display.Number(c.RocAuc)));
            rows.Add(("Log loss", Display.Number(c.LogLoss)));
            rows.Add(("Brier", Display.Number(c.Brier)));
        }
        return rows;
    }

    /// <summary>The class names of a confusion matrix's columns: a binary matrix's stored "0" / "1" read as the product's
    /// classes, any other class as it is.</summary>
    public static IReadOnlyList<string> ClassHeaders(ClassificationMetrics metrics, ClassNames? classes) =>
        metrics.Classes.Select(c => ClassName(c, classes)).ToList();

    /// <summary>The confusion matrix by true class (rows) and predicted class (columns, as <see cref="ClassHeaders"/>),
    /// with each true class's support and recall.</summary>
    public static IReadOnlyList<ConfusionRow> Confusion(ClassificationMetrics metrics, ClassNames? classes)
    {
        var rows = new List<ConfusionRow>(metrics.Classes.Count);
        for (var i = 0; i < metrics.Classes.Count && i < metrics.ConfusionMatrix.Length; i++)
        {
            var counts = metrics.ConfusionMatrix[i];
            var support = counts.Sum();
            rows.Add(new ConfusionRow(ClassName(metrics.Classes[i], classes), counts, support, support == 0 ? double.NaN : (double)counts[i] / support));
        }
        return rows;
    }

    private static string ClassName(string stored, ClassNames? classes) => (stored, classes) switch
    {
        ("1", { } c) => c.Positive,
        ("0", { } c) => c.Negative,
        _ => stored,
    };

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
