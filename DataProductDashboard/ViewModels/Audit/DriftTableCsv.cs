using System.Globalization;
using System.Text;
using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Services.Batches;

namespace DataProductDashboard.ViewModels.Audit;

/// <summary>The drift table (feature columns, then the prediction when present) as CSV.</summary>
public static class DriftTableCsv
{
    public static string Write(IEnumerable<DriftColumnResult> rows)
    {
        var text = new StringBuilder("column,kind,method,method_name,score_kind,score,threshold,rule,drift,direction,reference_count,current_count,reference_mean,current_mean\n");
        foreach (var r in rows)
        {
            text.AppendJoin(',',
            [
                CsvText.Escape(r.Column), r.Kind, r.Method, CsvText.Escape(r.MethodDisplayName), r.ScoreKind.ToString(), Num(r.Score), Num(r.Threshold),
                CsvText.Escape(r.Rule), r.Drift ? "true" : "false", r.Direction, Num(r.ReferenceCount), Num(r.CurrentCount), Num(r.ReferenceMean), Num(r.CurrentMean),
            ]).Append('\n');
        }
        return text.ToString();
    }

    internal static string Num(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    internal static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);
}
