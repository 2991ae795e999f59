using System.Globalization;
using System.Text;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Models;

namespace DataProductDashboard.ViewModels.Models;

/// <summary>The model registry table as CSV: one row per version, one column per hold-out metric.</summary>
public static class ModelVersionsCsv
{
    public static string Write(IReadOnlyList<ModelVersionSummary> versions)
    {
        var metricKeys = versions.SelectMany(v => v.HoldoutMetrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.AppendJoin(',', ["version", "status", "source", "trainer", "training_seconds", "training_rows", "holdout_rows",
            .. metricKeys.Select(k => "holdout_" + k), "file_name", "file_hash", "created_at", "batches", "notes"]).Append('\n');
        foreach (var v in versions)
        {
            string[] cells =
            [
                Num(v.Number), v.Status.ToString(), v.Source.ToString(), CsvText.Escape(v.Trainer), Num(v.TrainingSeconds),
                Num(v.TrainingRows), Num(v.HoldoutRows),
                .. metricKeys.Select(k => v.HoldoutMetrics.TryGetValue(k, out var m) ? Num(m) : ""),
                CsvText.Escape(v.FileName), v.FileHash, v.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                Num(v.BatchCount), CsvText.Escape(v.Notes),
            ];
            text.AppendJoin(',', cells).Append('\n');
        }
        return text.ToString();
    }

    private static string Num(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Num(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "";
}
