using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Services.Exports;

namespace DataProductDashboard.Services.Experiments;

/// <summary>An experiment's comparison table as CSV (one row per metric, primary first), as the experiments page and
/// the API export it. Numbers round-trip; an undefined test (zero variance) leaves its cells empty.</summary>
public static class ExperimentCsv
{
    public const string Header = "metric,name,primary,test,champion,challenger,champion_n,challenger_n,difference,relative_difference,ci_low,ci_high,confidence,statistic,df,p_value,holm_p_value,alpha,significant";

    private static readonly string[] Columns = Header.Split(',');

    public static string Write(ExperimentSummary summary, IReadOnlyList<ExperimentMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(metrics);
        var names = metrics.ToDictionary(m => m.Key, m => m.Name, StringComparer.Ordinal);
        var rows = summary.Primary is { } primary ? [primary, .. summary.Secondary] : summary.Secondary;
        return CsvExport.Write(Columns, rows, (csv, c) =>
        {
            var isPrimary = c.Metric == summary.PrimaryMetric;
            var name = names.GetValueOrDefault(c.Metric) ?? (isPrimary ? summary.PrimaryMetricName : c.Metric);
            csv.Text(c.Metric).Text(name).Text(isPrimary ? "yes" : "no").Text(c.Kind == ComparisonKind.Rate ? "two-proportion z" : "Welch t")
                .Number(c.Champion).Number(c.Challenger).Number(c.ChampionCount).Number(c.ChallengerCount).Number(c.Difference)
                .Number(c.RelativeDifference).Number(c.ConfidenceLow).Number(c.ConfidenceHigh).Number(1 - c.Alpha).Number(c.Statistic)
                .Number(c.DegreesOfFreedom).Number(c.PValue).Number(c.AdjustedPValue).Number(c.Alpha).Text(c.Significant ? "yes" : "no");
        });
    }
}
