using DataProductDashboard.Services.Exports;
using DataProductDashboard.Services.Gates;

namespace DataProductDashboard.ViewModels.Gates;

/// <summary>The gate rules tables as CSV, one row per rule with its latest outcome.</summary>
public static class GateRulesCsv
{
    public const string Header = "id,scope,name,rule,metric_key,metric,column,condition,threshold,upper_threshold,bound,unit,severity,owner,enabled,last_status,last_at,last_description";

    private static readonly string[] Columns = Header.Split(',');

    public static string Write(IEnumerable<GateRuleView> rules) => CsvExport.Write(Columns, rules, static (csv, r) => csv
        .Number(r.Id).Name(r.Scope).Text(r.Name).Text(r.Text).Text(r.MetricKey).Text(r.MetricName).Text(r.Column).Name(r.Condition)
        .Number(r.Threshold).Number(r.UpperThreshold).Name(r.Bound).Name(r.Unit).Name(r.Severity).Text(r.Owner).Flag(r.Enabled)
        .Name(r.LastStatus).Time(r.LastAt, CsvExportWriter.UtcSeconds).Text(r.LastDescription));
}
