using System.Globalization;
using System.Text;
using DataProductDashboard.Services.Batches;

namespace DataProductDashboard.Api;

/// <summary>The batch list as CSV, as the batches page and the API export it.</summary>
public static class BatchCsv
{
    public static string Write(IEnumerable<BatchSummary> batches)
    {
        var csv = new StringBuilder("id,received_at,file_name,source,model_version,rows,status,parse_s,scoring_s,store_s,latency_p50_us,latency_p95_us,latency_p99_us,event_from,event_to,prediction_mean\n");
        foreach (var b in batches)
        {
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{b.Id},{b.ReceivedAt:O},{CsvText.Escape(b.FileName)},{b.Source},{b.ModelVersion},{b.RowCount},{b.Status},{b.ParseSeconds:R},{b.ScoringSeconds:R},{b.StoreSeconds:R},{b.LatencyP50Micros:R},{b.LatencyP95Micros:R},{b.LatencyP99Micros:R},{b.EventTimeFrom:O},{b.EventTimeTo:O},{b.PredictionMean:R}"));
        }
        return csv.ToString();
    }
}
