using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Services.Experiments;

namespace DataProductDashboard.ViewModels.Experiments;

/// <summary>One line of an experiment's comparison table: the comparison with its metric's name, unit and direction.</summary>
public sealed record ComparisonRow(ArmComparison Comparison, string Name, string Unit, bool LowerIsBetter, bool IsPrimary)
{
    public string Key => Comparison.Metric;

    public (string Text, Verdict Verdict) Verdict => ExperimentDisplay.VerdictOf(Comparison, LowerIsBetter);

    /// <summary>The primary comparison first, then the secondary ones in the order the service gives them.</summary>
    public static IReadOnlyList<ComparisonRow> From(ExperimentSummary summary, IReadOnlyList<ExperimentMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(metrics);
        var byKey = metrics.ToDictionary(m => m.Key, StringComparer.Ordinal);
        var rows = new List<ComparisonRow>();
        foreach (var c in summary.Primary is { } primary ? [primary, .. summary.Secondary] : summary.Secondary)
        {
            var metric = byKey.GetValueOrDefault(c.Metric);
            var name = metric?.Name ?? (c.Metric == summary.PrimaryMetric ? summary.PrimaryMetricName : c.Metric);
            rows.Add(new ComparisonRow(c, name, metric?.Unit ?? "", metric?.LowerIsBetter ?? false, c.Metric == summary.PrimaryMetric));
        }
        return rows;
    }
}
