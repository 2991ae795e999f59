using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Exports;

namespace DataProductDashboard.Services.Kpis;

/// <summary>A KPI's values per period as CSV (API export and the page's table): period, arm, value, rows, status,
/// complete, pending and relative gap to the target.</summary>
public static class KpiValuesCsv
{
    public const string Header = "period,arm,value,rows,status,complete,pending,relative_gap";

    private static readonly string[] Columns = Header.Split(',');

    public static string Write(IEnumerable<KpiPoint> points, KpiPeriod period) => CsvExport.Write(Columns, points, (csv, p) => csv
        .Text(KpiPeriods.Format(p.Period, period)).Text(p.Arm?.ToString().ToLowerInvariant()).Number(p.Value).Number(p.Rows)
        .Name(p.Status).Flag(p.Complete).Flag(p.Pending).Number(p.RelativeGap));
}
