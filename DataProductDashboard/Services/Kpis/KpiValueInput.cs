namespace DataProductDashboard.Services.Kpis;

/// <summary>One uploaded KPI observation as it was sent, not yet validated: the period ("2024-05-06", or "2024-05" for
/// months), the value as text (a JSON number's text or a CSV cell) and the optional arm ("champion" | "challenger").</summary>
public sealed record KpiValueInput(string? Period, string? Value, string? Arm = null);
