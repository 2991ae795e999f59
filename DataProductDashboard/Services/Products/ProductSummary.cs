using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Products;

/// <summary>One row of the portfolio. <see cref="Kpis"/>: the KPIs' worst status and counts (null: no KPI defined).</summary>
public sealed record ProductSummary(
    int Id,
    string Name,
    string Description,
    string Owner,
    TaskType Task,
    int? ChampionVersion,
    int ModelCount,
    int BatchCount,
    long RowsScored,
    DateTime? LastBatchAt,
    GateStatus? Health = null,
    int OpenAlerts = 0,
    int? LastBatchId = null,
    Kpis.KpiSummary? Kpis = null,
    DateTime? ArchivedAt = null)
{
    /// <summary>The last batch's number within the product ("#3"), beside <see cref="LastBatchId"/>.</summary>
    public int? LastBatchNumber { get; init; }
}
