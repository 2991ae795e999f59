using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Insights;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Services.Products;
using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.ViewModels.Products;

/// <summary>Builds the overview's status strip: model activation → integration → production audit → KPI validation.
/// The audit stage takes the worse of the data-quality and drift lights of the newest audited batch, with its reason;
/// KPI validation takes the worst KPI status (off target → failing, at risk → action needed, all on target → done).</summary>
public static class OperationalizationCycle
{
    public static IReadOnlyList<CycleStage> For(ProductDetail product, AuditHealth? health = null, IReadOnlyList<KpiOverview>? kpis = null) =>
    [
        product.ChampionVersion is { } champion
            ? new("activation", "Model activation", CycleStageState.Done, $"Champion: version {champion} of {product.ModelCount}", $"/products/{product.Id}/models")
            : new("activation", "Model activation", CycleStageState.ActionNeeded, "No model yet: register or train a model", $"/products/{product.Id}/models"),
        product.BatchCount > 0
            ? new("integration", "Integration", CycleStageState.Done, $"{Display.Count(product.BatchCount)} batches, {Display.Count(product.RowsScored)} rows scored", $"/products/{product.Id}/batches")
            : new("integration", "Integration", CycleStageState.ActionNeeded,
                product.ChampionVersion is null ? "No batches yet: register a model first, then upload a batch" : "No batches yet: upload a batch",
                $"/products/{product.Id}/batches"),
        Audit(product, health),
        Kpi(product, kpis ?? []),
    ];

    /// <summary>Worst KPI status of the latest complete periods; a sustained run names its classification.</summary>
    public static CycleStage Kpi(ProductDetail product, IReadOnlyList<KpiOverview> kpis)
    {
        var href = $"/products/{product.Id}/kpis";
        if (kpis.Count == 0)
            return new("kpi", "KPI validation", CycleStageState.NotConfigured, "No KPIs yet: define the business numbers this product should move", href);
        var off = kpis.Where(k => k.Status == KpiStatus.OffTarget).ToList();
        var atRisk = kpis.Count(k => k.Status == KpiStatus.AtRisk);
        var of = kpis.Count == 1 ? "the KPI" : $"{kpis.Count} KPIs";
        if (off.Count > 0)
        {
            var drift = off.FirstOrDefault(k => k.Drift is not null)?.Drift;
            var why = drift is null ? "" : $" ({InsightText.Classification(drift.Classification)})";
            return new("kpi", "KPI validation", CycleStageState.Failing, $"{off.Count} of {of} off target{why}", href);
        }
        if (atRisk > 0)
            return new("kpi", "KPI validation", CycleStageState.ActionNeeded, $"{atRisk} of {of} at risk (within tolerance)", href);
        var onTarget = kpis.Count(k => k.Status == KpiStatus.OnTarget);
        return onTarget == 0
            ? new("kpi", "KPI validation", CycleStageState.NotConfigured, $"{(kpis.Count == 1 ? "1 KPI" : $"{kpis.Count} KPIs")} defined, no complete period yet", href)
            : new("kpi", "KPI validation", CycleStageState.Done, $"{onTarget} of {of} on target", href);
    }

    /// <summary>Worst of Quality and Drift: red → Failing, amber → ActionNeeded, green → Done; unknown (no audited
    /// batch) → NotConfigured. The detail is the reason of the worse light, and the link goes to its page.</summary>
    public static CycleStage Audit(ProductDetail product, AuditHealth? health)
    {
        if (health is null)
            return new("audit", "Production audit", CycleStageState.NotConfigured, "Not configured yet: data quality, drift and gates arrive with the audit engine", null);
        var driftWorse = Rank(health.Drift) > Rank(health.Quality);
        var (state, reason, page) = driftWorse ? (health.Drift, health.DriftReason, "drift") : (health.Quality, health.QualityReason, "quality");
        var href = $"/products/{product.Id}/{page}";
        return state switch
        {
            HealthState.Red => new("audit", "Production audit", CycleStageState.Failing, reason, href),
            HealthState.Amber => new("audit", "Production audit", CycleStageState.ActionNeeded, reason, href),
            HealthState.Green => new("audit", "Production audit", CycleStageState.Done, $"{health.QualityReason} {health.DriftReason}", $"/products/{product.Id}/quality"),
            _ => new("audit", "Production audit", CycleStageState.NotConfigured,
                product.BatchCount == 0 ? "No audited batch yet: upload a batch" : reason, href),
        };
    }

    private static int Rank(HealthState state) => state switch
    {
        HealthState.Red => 3,
        HealthState.Amber => 2,
        HealthState.Green => 1,
        _ => 0,
    };
}
