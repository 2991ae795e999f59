using DataProductDashboard.Services.Models;
using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.ViewModels.Models;

/// <summary>The champion and a candidate side by side, as the promote confirmation shows them: one row per hold-out
/// metric either of them has, plus the size of each hold-out set.</summary>
public sealed record PromotionComparison(ModelVersionSummary Candidate, ModelVersionSummary? Champion, IReadOnlyList<MetricComparisonRow> Rows)
{
    public const string IndicativeNote =
        "Each version was measured on its own hold-out set, so these numbers are only indicative: they compare like with like only when both were trained on the same data.";

    public static PromotionComparison For(ModelVersionSummary candidate, ModelVersionSummary? champion)
    {
        var keys = MetricNames.Ordered(candidate.HoldoutMetrics.Keys.Concat(champion?.HoldoutMetrics.Keys ?? []));
        var rows = keys.Select(k => Row(k, Value(champion, k), Value(candidate, k))).ToList();
        return new PromotionComparison(candidate, champion, rows);
    }

    private static double? Value(ModelVersionSummary? version, string key) =>
        version is not null && version.HoldoutMetrics.TryGetValue(key, out var v) && double.IsFinite(v) ? v : null;

    private static MetricComparisonRow Row(string key, double? champion, double? candidate)
    {
        int? better = null;
        if (champion is { } a && candidate is { } b && a != b)
            better = (b < a) == MetricNames.LowerIsBetter(key) ? 1 : -1;
        return new MetricComparisonRow(key, MetricNames.Display(key), champion, candidate, better);
    }
}
