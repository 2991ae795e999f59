using System.Globalization;
using System.Text;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.Services.Batches;

namespace DataProductDashboard.Api;

/// <summary>The alert list as CSV, as the inbox and the API export it (times in UTC, ISO 8601).</summary>
public static class AlertCsv
{
    public static string Write(IEnumerable<AlertSummary> alerts)
    {
        var csv = new StringBuilder("id,product_id,product,severity,state,title,message,count,first_seen_at,last_seen_at,acknowledged_by,acknowledged_at,resolved_by,resolved_at,resolution_note,link,batch_id,column,kind\n");
        foreach (var a in alerts)
        {
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{a.Id},{a.ProductId},{CsvText.Escape(a.ProductName)},{a.Severity},{a.State},{CsvText.Escape(a.Title)},{CsvText.Escape(a.Message)},{a.Count},{a.FirstSeenAt:O},{a.LastSeenAt:O},{CsvText.Escape(a.AcknowledgedBy)},{a.AcknowledgedAt:O},{CsvText.Escape(a.ResolvedBy)},{a.ResolvedAt:O},{CsvText.Escape(a.ResolutionNote)},{CsvText.Escape(a.Link)},{a.BatchId},{CsvText.Escape(a.Column)},{a.Kind}"));
        }
        return csv.ToString();
    }
}
