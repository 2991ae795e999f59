using System.Text;
using DataProductDashboard.Analysis.DataQuality;
using DataProductDashboard.Services.Batches;

namespace DataProductDashboard.ViewModels.Audit;

/// <summary>The per-column data-quality table as CSV (unseen categories joined with "|").</summary>
public static class QualityTableCsv
{
    public static string Write(IEnumerable<ColumnQuality> rows)
    {
        var text = new StringBuilder("column,kind,missing_share,unseen_share,unseen_categories,out_of_reference_range_share,distinct\n");
        foreach (var r in rows)
        {
            text.AppendJoin(',',
            [
                CsvText.Escape(r.Column), r.Kind.ToString(), DriftTableCsv.Num(r.MissingShare), DriftTableCsv.Num(r.UnseenShare),
                CsvText.Escape(string.Join('|', r.UnseenCategories)), DriftTableCsv.Num(r.OutOfReferenceRangeShare), DriftTableCsv.Num(r.Distinct),
            ]).Append('\n');
        }
        return text.ToString();
    }
}
