using DataProductDashboard.Services.Exports;

namespace DataProductDashboard.Services.Gates;

/// <summary>Gate outcomes as CSV (the history export of the API and the gates page).</summary>
public static class GateEvaluationsCsv
{
    private static readonly string[] Columns = ["at", "rule_id", "rule", "scope", "severity", "batch_id", "batch_number", "model_version_id", "status", "actual", "compared", "description"];

    public static string Write(IEnumerable<GateEvaluationView> rows) => CsvExport.Write(Columns, rows, static (csv, r) => csv
        .Time(r.At, CsvExportWriter.UtcSeconds).Number(r.GateRuleId).Text(r.RuleName).Name(r.Scope).Name(r.Severity).Number(r.BatchId)
        .Number(r.BatchNumber).Number(r.ModelVersionId).Name(r.Status).Number(r.Actual).Number(r.Compared).Text(r.Description));
}
