using System.Globalization;
using System.Text;
using DataProductDashboard.Services.Batches;

namespace DataProductDashboard.Services.Gates;

/// <summary>Gate outcomes as CSV (the history export of the API and the gates page).</summary>
public static class GateEvaluationsCsv
{
    public static string Write(IEnumerable<GateEvaluationView> rows)
    {
        var csv = new StringBuilder("at,rule_id,rule,scope,severity,batch_id,model_version_id,status,actual,compared,description\n");
        foreach (var r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.At:yyyy-MM-ddTHH:mm:ssZ},{r.GateRuleId},{CsvText.Escape(r.RuleName)},{r.Scope},{r.Severity},")
               .Append(CultureInfo.InvariantCulture, $"{r.BatchId},{r.ModelVersionId},{r.Status},{r.Actual:R},{r.Compared:R},{CsvText.Escape(r.Description)}\n");
        }
        return csv.ToString();
    }
}
