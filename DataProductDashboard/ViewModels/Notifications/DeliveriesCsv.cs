using DataProductDashboard.Services.Exports;
using DataProductDashboard.Services.Notifications;

namespace DataProductDashboard.ViewModels.Notifications;

/// <summary>The delivery log as CSV: one row per delivery, as the table shows it.</summary>
public static class DeliveriesCsv
{
    private static readonly string[] Columns = ["at", "channel", "kind", "alert_id", "alert", "test", "succeeded", "attempts", "status_code", "duration_ms", "error"];

    public static string Write(IEnumerable<DeliverySummary> deliveries) => CsvExport.Write(Columns, deliveries, static (csv, d) => csv
        .Time(d.At, CsvExportWriter.UtcSeconds).Text(d.ChannelName).Name(d.ChannelKind).Number(d.AlertId).Text(d.AlertTitle)
        .Flag(d.IsTest).Flag(d.Succeeded).Number(d.Attempts).Number(d.StatusCode).Number(d.DurationMs, "0.#").Text(d.Error));
}
