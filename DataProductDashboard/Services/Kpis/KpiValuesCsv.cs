using System.Globalization;
using System.Text;
using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Kpis;

/// <summary>A KPI's values per period as CSV (API export and the page's table): period, arm, value, rows, status,
/// complete, pending and relative gap to the target.</summary>
public static class KpiValuesCsv
{
    public const string Header = "period,arm,value,rows,status,complete,pending,relative_gap";

    public static string Write(IEnumerable<KpiPoint> points, KpiPeriod period)
    {
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var p in points)
        {
            csv.AppendJoin(',',
            [
                KpiPeriods.Format(p.Period, period), p.Arm?.ToString().ToLowerInvariant() ?? "",
                p.Value?.ToString("R", CultureInfo.InvariantCulture) ?? "", p.Rows.ToString("R", CultureInfo.InvariantCulture), p.Status.ToString(),
                p.Complete ? "true" : "false", p.Pending ? "true" : "false", p.RelativeGap?.ToString("R", CultureInfo.InvariantCulture) ?? "",
            ]).Append('\n');
        }
        return csv.ToString();
    }
}
