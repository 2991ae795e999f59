using DataProductDashboard.Analysis.Kpi;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Data;

/// <summary>The stored findings of a product's KPIs (<see cref="Entities.Kpi.Finding"/>) are a cache of their
/// classification; whatever changes the audit they were classified from without judging the KPIs again clears them.</summary>
public static class KpiFindings
{
    public static Task<int> ForgetAsync(DashboardDbContext db, int productId, CancellationToken ct) =>
        db.Kpis.Where(k => k.ProductId == productId && k.Finding != null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.Finding, (BusinessDriftFinding?)null), ct);
}
