using System.Globalization;
using DataProductDashboard.Analysis.Fairness;
using DataProductDashboard.Services.Exports;
using DataProductDashboard.Services.Fairness;

namespace DataProductDashboard.ViewModels.Fairness;

/// <summary>How the fairness page words and formats a report: metric names and what they mean, rates as percentages,
/// the verdict of each metric against its usual rule, and the groups table as CSV.</summary>
public static class FairnessDisplay
{
    /// <summary>The usual rule of thumb per metric: the four-fifths rule for the ratios, 0.1 for the differences.</summary>
    public const double DifferenceRule = 0.1;

    public static string Name(string metric) => metric switch
    {
        FairnessMetrics.DemographicParityDifference => "Demographic parity difference",
        FairnessMetrics.DemographicParityRatio => "Demographic parity ratio",
        FairnessMetrics.DisparateImpact => "Disparate impact",
        FairnessMetrics.EqualizedOddsDifference => "Equalized-odds difference",
        FairnessMetrics.EqualOpportunityDifference => "Equal-opportunity difference",
        _ => metric,
    };

    public static string Meaning(string metric) => metric switch
    {
        FairnessMetrics.DemographicParityDifference => "Highest minus lowest share predicted positive (0 = every group equal).",
        FairnessMetrics.DemographicParityRatio => "Lowest over highest share predicted positive (1 = every group equal).",
        FairnessMetrics.DisparateImpact => "The least favoured group's share predicted positive over the most favoured group's; the four-fifths rule wants ≥ 0.80.",
        FairnessMetrics.EqualizedOddsDifference => "The larger of the true-positive-rate and false-positive-rate ranges across groups (0 = equal errors).",
        FairnessMetrics.EqualOpportunityDifference => "Range of the true-positive rates (recall) across groups (0 = every group's positives found equally).",
        _ => "",
    };

    /// <summary>Whether the value breaks its usual rule (ratios below 0.8, differences above 0.1); null when unknown.</summary>
    public static bool? Breaks(FairnessMetric metric) => !double.IsFinite(metric.Value) ? null
        : FairnessMetrics.LowerIsFairer(metric.Name) ? metric.Value > DifferenceRule : metric.Value < FairnessMetrics.FourFifths;

    public static string Rule(string metric) => FairnessMetrics.LowerIsFairer(metric) ? "≤ 0.10" : "≥ 0.80";

    public static string Value(double value) => double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "—";

    public static string Interval(FairnessMetric metric) => double.IsFinite(metric.CiLow)
        ? $"{metric.CiLow.ToString("0.000", CultureInfo.InvariantCulture)} – {metric.CiHigh.ToString("0.000", CultureInfo.InvariantCulture)}"
        : "—";

    public static string Percent(double value) => Audit.DriftDisplay.Percent(value);

    /// <summary>The groups table as CSV (rates as fractions, empty where undefined).</summary>
    public static string GroupsCsv(FairnessReport report) =>
        CsvExport.Write(["attribute", "group", "support", "judged", "selection_rate", "true_positive_rate", "false_positive_rate", "precision", "accuracy", "disparate_impact"],
            report.Groups, (csv, g) => csv.Text(report.Attribute).Text(g.Group).Number(g.Support).Text(g.Judged ? "yes" : "too few rows to judge")
                .Number(Finite(g.SelectionRate)).Number(Finite(g.TruePositiveRate)).Number(Finite(g.FalsePositiveRate)).Number(Finite(g.Precision))
                .Number(Finite(g.Accuracy)).Number(Finite(g.DisparateImpact)));

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
