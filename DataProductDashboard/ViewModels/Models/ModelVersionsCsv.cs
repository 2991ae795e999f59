using DataProductDashboard.Services.Exports;
using DataProductDashboard.Services.Models;

namespace DataProductDashboard.ViewModels.Models;

/// <summary>The model registry table as CSV: one row per version, one column per hold-out metric.</summary>
public static class ModelVersionsCsv
{
    public static string Write(IReadOnlyList<ModelVersionSummary> versions)
    {
        var metricKeys = versions.SelectMany(v => v.HoldoutMetrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        string[] columns = ["version", "status", "source", "trainer", "training_seconds", "training_rows", "holdout_rows",
            .. metricKeys.Select(k => "holdout_" + k), "file_name", "file_hash", "created_at", "batches", "notes"];
        return CsvExport.Write(columns, versions, (csv, v) =>
        {
            csv.Number(v.Number).Name(v.Status).Name(v.Source).Text(v.Trainer).Number(v.TrainingSeconds)
                .Number(v.TrainingRows).Number(v.HoldoutRows);
            foreach (var key in metricKeys)
                csv.Number(v.HoldoutMetrics.TryGetValue(key, out var m) ? m : null);
            csv.Text(v.FileName).Text(v.FileHash).Time(v.CreatedAt, CsvExportWriter.UtcSeconds).Number(v.BatchCount).Text(v.Notes);
        });
    }
}
