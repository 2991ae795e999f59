using System.Globalization;
using System.Text;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Notifications;

namespace DataProductDashboard.ViewModels.Notifications;

/// <summary>The delivery log as CSV: one row per delivery, as the table shows it.</summary>
public static class DeliveriesCsv
{
    public static string Write(IEnumerable<DeliverySummary> deliveries)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', ["at", "channel", "kind", "alert_id", "alert", "test", "succeeded", "attempts", "status_code", "duration_ms", "error"]).Append('\n');
        foreach (var d in deliveries)
        {
            string[] cells =
            [
                d.At.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), CsvText.Escape(d.ChannelName), d.ChannelKind.ToString(),
                d.AlertId?.ToString(CultureInfo.InvariantCulture) ?? "", CsvText.Escape(d.AlertTitle), d.IsTest ? "true" : "false",
                d.Succeeded ? "true" : "false", d.Attempts.ToString(CultureInfo.InvariantCulture), d.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "",
                d.DurationMs.ToString("0.#", CultureInfo.InvariantCulture), CsvText.Escape(d.Error),
            ];
            text.AppendJoin(',', cells).Append('\n');
        }
        return text.ToString();
    }
}
