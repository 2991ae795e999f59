using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Kpis;

/// <summary>A product's KPIs for the portfolio: the worst status (off target, at risk, on target, no data) and how many
/// KPIs have each.</summary>
public sealed record KpiSummary(KpiStatus Worst, int Total, int OnTarget, int AtRisk, int OffTarget, int NoData);
