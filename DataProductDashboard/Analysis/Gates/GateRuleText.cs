using System.Globalization;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Gates;

/// <summary>A rule in words, for lists and default names: "Missing share of 'hum' = 0 %", "Volume vs usual between
/// 0.5× and 2×", "Accuracy at most 5 % below the reference".</summary>
public static class GateRuleText
{
    /// <summary>The rule in words, thresholds in the metric's unit ("Latency p95 < 2,000 µs", "Dataset drift share < 50 %");
    /// <paramref name="labelUnit"/> names the unit of regression errors ("MAE ≤ 25 rentals").</summary>
    public static string Describe(GateRuleSpec rule, string? labelUnit = null)
    {
        var subject = MetricCatalog.Describe(rule.Address);
        static string Plain(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        string N(double v) => MetricValueText.Value(rule.MetricKey, v, labelUnit, Plain);
        var tolerance = rule.Unit == ToleranceUnit.Percent ? $"{Plain(rule.Threshold)} %" : MetricValueText.Difference(rule.MetricKey, rule.Threshold, labelUnit, Plain);
        var against = rule.Condition == GateCondition.RelativeToChampion ? "the champion" : "the reference";
        return rule.Condition switch
        {
            GateCondition.Gt => $"{subject} > {N(rule.Threshold)}",
            GateCondition.Gte => $"{subject} ≥ {N(rule.Threshold)}",
            GateCondition.Lt => $"{subject} < {N(rule.Threshold)}",
            GateCondition.Lte => $"{subject} ≤ {N(rule.Threshold)}",
            GateCondition.Eq => $"{subject} = {N(rule.Threshold)}",
            GateCondition.Between => $"{subject} between {N(rule.Threshold)} and {N(rule.UpperThreshold ?? double.PositiveInfinity)}",
            _ when rule.Threshold == 0 => rule.Bound switch
            {
                RelativeBound.NotBelow => $"{subject} not below {against}",
                RelativeBound.NotAbove => $"{subject} not above {against}",
                _ => $"{subject} equal to {against}",
            },
            _ => rule.Bound switch
            {
                RelativeBound.NotBelow => $"{subject} at most {tolerance} below {against}",
                RelativeBound.NotAbove => $"{subject} at most {tolerance} above {against}",
                _ => $"{subject} within ±{tolerance} of {against}",
            },
        };
    }
}
