using DataProductDashboard.Analysis.DataQuality;
using DataProductDashboard.Services.Exports;

namespace DataProductDashboard.ViewModels.Audit;

/// <summary>The per-column data-quality table as CSV (unseen categories joined with "|"; a numeric column's distinct
/// count that stopped at the cap reads "≥ 1000", see <see cref="ColumnQuality.DistinctCapped"/>).</summary>
public static class QualityTableCsv
{
    private static readonly string[] Columns = ["column", "kind", "missing_share", "unseen_share", "unseen_categories", "out_of_reference_range_share", "distinct"];

    public static string Write(IEnumerable<ColumnQuality> rows) => CsvExport.Write(Columns, rows, static (csv, r) => csv
        .Text(r.Column).Name(r.Kind).Number(r.MissingShare).Number(r.UnseenShare).Text(string.Join('|', r.UnseenCategories))
        .Number(r.OutOfReferenceRangeShare).Text(QualityDisplay.DistinctCell(r)));
}
