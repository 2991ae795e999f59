using System.Globalization;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Gates;

/// <summary>A rule in words, for lists and default names: "Missing share of 'hum' = 0", "Volume vs usual between
/// 0.5 and 2", "Accuracy at most 5 % below the reference".</summary>
public static class GateRuleText
{
    public static string Describe(GateRuleSpec rule)
    {
        var subject = MetricCatalog.Describe(rule.Address);
        string N(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        var tolerance = rule.Unit == ToleranceUnit.Percent ? $"{N(rule.Threshold)} %" : N(rule.Threshold);
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
