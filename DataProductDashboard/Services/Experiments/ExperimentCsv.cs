using System.Globalization;
using System.Text;
using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Services.Batches;

namespace DataProductDashboard.Services.Experiments;

/// <summary>An experiment's comparison table as CSV (one row per metric, primary first), as the experiments page and
/// the API export it. Numbers round-trip; an undefined test (zero variance) leaves its cells empty.</summary>
public static class ExperimentCsv
{
    public const string Header = "metric,name,primary,test,champion,challenger,champion_n,challenger_n,difference,relative_difference,ci_low,ci_high,confidence,statistic,df,p_value,holm_p_value,alpha,significant";

    public static string Write(ExperimentSummary summary, IReadOnlyList<ExperimentMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(metrics);
        var names = metrics.ToDictionary(m => m.Key, m => m.Name, StringComparer.Ordinal);
        var csv = new StringBuilder(Header).Append('\n');
        var rows = summary.Primary is { } primary ? [primary, .. summary.Secondary] : summary.Secondary;
        foreach (var c in rows)
        {
            var name = names.GetValueOrDefault(c.Metric) ?? (c.Metric == summary.PrimaryMetric ? summary.PrimaryMetricName : c.Metric);
            csv.Append(CultureInfo.InvariantCulture,
                $"{CsvText.Escape(c.Metric)},{CsvText.Escape(name)},{(c.Metric == summary.PrimaryMetric ? "yes" : "no")},{(c.Kind == ComparisonKind.Rate ? "two-proportion z" : "Welch t")},")
                .Append(CultureInfo.InvariantCulture,
                $"{N(c.Champion)},{N(c.Challenger)},{c.ChampionCount},{c.ChallengerCount},{N(c.Difference)},{N(c.RelativeDifference)},{N(c.ConfidenceLow)},{N(c.ConfidenceHigh)},")
                .Append(CultureInfo.InvariantCulture,
                $"{N(1 - c.Alpha)},{N(c.Statistic)},{N(c.DegreesOfFreedom)},{N(c.PValue)},{N(c.AdjustedPValue)},{N(c.Alpha)},{(c.Significant ? "yes" : "no")}\n");
        }
        return csv.ToString();
    }

    private static string N(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
