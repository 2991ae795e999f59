using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Exports;

namespace DataProductDashboard.Api;

/// <summary>The batch list as CSV, as the batches page and the API export it.</summary>
public static class BatchCsv
{
    private static readonly string[] Columns =
    [
        "id", "number", "received_at", "file_name", "source", "model_version", "rows", "status", "parse_s", "scoring_s", "store_s",
        "latency_p50_us", "latency_p95_us", "latency_p99_us", "event_from", "event_to", "prediction_mean",
    ];

    public static string Write(IEnumerable<BatchSummary> batches) => CsvExport.Write(Columns, batches, static (csv, b) => csv
        .Number(b.Id).Number(b.Number).Time(b.ReceivedAt, CsvExportWriter.RoundTrip).Text(b.FileName).Name(b.Source).Number(b.ModelVersion)
        .Number(b.RowCount).Name(b.Status).Number(b.ParseSeconds).Number(b.ScoringSeconds).Number(b.StoreSeconds)
        .Number(b.LatencyP50Micros).Number(b.LatencyP95Micros).Number(b.LatencyP99Micros)
        .Time(b.EventTimeFrom, CsvExportWriter.RoundTrip).Time(b.EventTimeTo, CsvExportWriter.RoundTrip).Number(b.PredictionMean));
}
