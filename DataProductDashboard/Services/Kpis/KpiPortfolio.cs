using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Kpis;

/// <summary>The KPI status of each product for the portfolio: every KPI judged on its newest complete period.</summary>
public static class KpiPortfolio
{
    public static async Task<Dictionary<int, KpiSummary>> SummarizeAsync(DashboardDbContext db, IReadOnlyCollection<int> productIds, CancellationToken ct)
    {
        var kpis = await db.Kpis.AsNoTracking().Where(k => productIds.Contains(k.ProductId)).ToListAsync(ct);
        if (kpis.Count == 0)
            return [];
        var observations = await KpiReader.ObservationsAsync(db, kpis.Select(k => k.Id).ToList(), ct);
        return kpis.GroupBy(k => k.ProductId).ToDictionary(g => g.Key, g =>
        {
            var statuses = g.Select(k => KpiReader.Judge(k, observations[k.Id]).Status).ToList();
            return new KpiSummary(statuses.MaxBy(KpiTarget.Rank), statuses.Count, statuses.Count(s => s == KpiStatus.OnTarget),
                statuses.Count(s => s == KpiStatus.AtRisk), statuses.Count(s => s == KpiStatus.OffTarget), statuses.Count(s => s == KpiStatus.NoData));
        });
    }
}
