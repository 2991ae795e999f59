using DataProductDashboard.Analysis.Models;
using DataProductDashboard.Services.Models;

namespace DataProductDashboard.ViewModels.Models;

/// <summary>What the compare page shows of a <see cref="ModelComparisonView"/>: one cell per metric and version, the
/// sentences, the verdict of each difference.</summary>
public static class ComparisonDisplay
{
    /// <summary>The metrics whose sentences the page leads with.</summary>
    public static readonly IReadOnlySet<string> Headline = new HashSet<string>(StringComparer.Ordinal) { "accuracy", "roc_auc", "mae", "rmse" };

    public enum Verdict { Baseline, Better, Worse, WithinChance }

    /// <summary>"0.812 (0.79 to 0.83)".</summary>
    public static string Value(ComparedValue value) =>
        $"{ModelComparison.Number(value.Value)} ({ModelComparison.Number(value.CiLow)} to {ModelComparison.Number(value.CiHigh)})";

    /// <summary>"+0.021 (−0.004 to 0.046)", empty for the baseline.</summary>
    public static string Difference(ComparedValue value) => value.Difference is not { } d
        ? ""
        : $"{(d > 0 ? "+" : "")}{ModelComparison.Number(d)} ({ModelComparison.Number(value.DifferenceCiLow ?? double.NaN)} to {ModelComparison.Number(value.DifferenceCiHigh ?? double.NaN)})";

    /// <summary>"p < 0.001", "p = 0.42".</summary>
    public static string P(double? p) => p switch
    {
        null => "",
        { } v when double.IsNaN(v) => "p n/a",
        < 0.001 => "p < 0.001",
        { } v => $"p = {v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}",
    };

    public static Verdict Judge(ComparedMetric metric, ComparedValue value)
    {
        if (value.Difference is not { } d || value.PValue is not { } p)
            return Verdict.Baseline;
        if (double.IsNaN(p) || p >= 0.05 || d == 0)
            return Verdict.WithinChance;
        return (d < 0) == metric.LowerIsBetter ? Verdict.Better : Verdict.Worse;
    }

    /// <summary>The sentences of the headline metrics (all metrics when none is a headline one), baseline left out.</summary>
    public static IReadOnlyList<(ComparedMetric Metric, ComparedValue Value, Verdict Verdict)> Sentences(ModelComparisonView view)
    {
        var metrics = view.Metrics.Where(m => Headline.Contains(m.Metric)).ToList();
        if (metrics.Count == 0)
            metrics = [.. view.Metrics];
        return [.. from m in metrics from v in m.Versions where v.Sentence is not null select (m, v, Judge(m, v))];
    }
}
