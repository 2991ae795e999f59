using DataProductDashboard.Services.Alerts;
using DataProductDashboard.Services.Exports;

namespace DataProductDashboard.Api;

/// <summary>The alert list as CSV, as the inbox and the API export it (times in UTC, ISO 8601).</summary>
public static class AlertCsv
{
    private static readonly string[] Columns =
    [
        "id", "product_id", "product", "severity", "state", "title", "message", "count", "first_seen_at", "last_seen_at",
        "acknowledged_by", "acknowledged_at", "resolved_by", "resolved_at", "resolution_note", "link", "batch_id", "column", "kind", "batch_number",
    ];

    public static string Write(IEnumerable<AlertSummary> alerts) => CsvExport.Write(Columns, alerts, static (csv, a) => csv
        .Number(a.Id).Number(a.ProductId).Text(a.ProductName).Name(a.Severity).Name(a.State).Text(a.Title).Text(a.Message)
        .Number(a.Count).Time(a.FirstSeenAt, CsvExportWriter.RoundTrip).Time(a.LastSeenAt, CsvExportWriter.RoundTrip)
        .Text(a.AcknowledgedBy).Time(a.AcknowledgedAt, CsvExportWriter.RoundTrip).Text(a.ResolvedBy).Time(a.ResolvedAt, CsvExportWriter.RoundTrip)
        .Text(a.ResolutionNote).Text(a.Link).Number(a.BatchId).Text(a.Column).Name(a.Kind).Number(a.BatchNumber));
}
