namespace DataProductDashboard.Services.Alerts;

/// <summary>Deduplication keys of alerts.</summary>
public static class AlertKeys
{
    public const string MissingBatch = "missing-batch";

    public static string Gate(int ruleId) => $"gate:{ruleId}";

    /// <summary>A release gate failing for one version.</summary>
    public static string Release(int ruleId, int versionNumber) => $"release:{ruleId}:v{versionNumber}";

    /// <summary>A KPI off target for a sustained run (business, data or concept drift).</summary>
    public static string Kpi(int kpiId) => $"kpi:{kpiId}";
}
