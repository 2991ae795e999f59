namespace DataProductDashboard.Services.Kpis;

/// <summary>What an upload of KPI values stored: how many values, how many of them replaced a value of the same
/// period (and arm), and the periods covered.</summary>
public sealed record KpiUploadResult(int Values, int Added, int Replaced, DateTime? From, DateTime? To);
