using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Services.Exports;

namespace DataProductDashboard.ViewModels.Audit;

/// <summary>The drift table (feature columns, then the prediction when present) as CSV; <c>seasonal</c> marks the
/// calendar features shown apart (not counted in dataset drift).</summary>
public static class DriftTableCsv
{
    private static readonly string[] Columns =
    [
        "column", "kind", "method", "method_name", "score_kind", "score", "threshold", "rule", "drift", "direction",
        "reference_count", "current_count", "reference_mean", "current_mean", "seasonal",
    ];

    public static string Write(IEnumerable<DriftColumnResult> rows) => CsvExport.Write(Columns, rows, static (csv, r) => csv
        .Text(r.Column).Text(r.Kind).Text(r.Method).Text(r.MethodDisplayName).Name(r.ScoreKind).Number(r.Score).Number(r.Threshold)
        .Text(r.Rule).Flag(r.Drift).Text(r.Direction).Number(r.ReferenceCount).Number(r.CurrentCount).Number(r.ReferenceMean).Number(r.CurrentMean).Flag(r.Seasonal));
}
