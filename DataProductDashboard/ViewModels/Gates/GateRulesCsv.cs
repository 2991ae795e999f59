using System.Globalization;
using System.Text;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Gates;

namespace DataProductDashboard.ViewModels.Gates;

/// <summary>The gate rules tables as CSV, one row per rule with its latest outcome.</summary>
public static class GateRulesCsv
{
    public const string Header = "id,scope,name,rule,metric_key,metric,column,condition,threshold,upper_threshold,bound,unit,severity,owner,enabled,last_status,last_at,last_description";

    public static string Write(IEnumerable<GateRuleView> rules)
    {
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var r in rules)
        {
            csv.AppendJoin(',',
            [
                r.Id.ToString(CultureInfo.InvariantCulture), r.Scope.ToString(), CsvText.Escape(r.Name), CsvText.Escape(r.Text), CsvText.Escape(r.MetricKey),
                CsvText.Escape(r.MetricName), CsvText.Escape(r.Column), r.Condition.ToString(), r.Threshold.ToString("R", CultureInfo.InvariantCulture),
                r.UpperThreshold?.ToString("R", CultureInfo.InvariantCulture) ?? "", r.Bound.ToString(), r.Unit.ToString(), r.Severity.ToString(),
                CsvText.Escape(r.Owner), r.Enabled ? "true" : "false", r.LastStatus?.ToString() ?? "",
                r.LastAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "", CsvText.Escape(r.LastDescription),
            ]).Append('\n');
        }
        return csv.ToString();
    }
}
