using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Services.Products;
using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.ViewModels.Products;

/// <summary>Builds the overview's status strip: model activation → integration → production audit → KPI validation.
/// The audit stage takes the worse of the data-quality and drift lights of the newest audited batch, with its reason;
/// KPI validation takes the worst KPI status, naming a sustained off-target run and its classification first.</summary>
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

    /// <summary>A KPI off target for a sustained run → Failing with its title and classification; otherwise the worst
    /// status: off target → Failing, at risk → ActionNeeded, on target → Done; no KPI or no complete period yet →
    /// NotConfigured.</summary>
    public static CycleStage Kpi(ProductDetail product, IReadOnlyList<KpiOverview> kpis)
    {
        var href = $"/products/{product.Id}/kpis";
        if (kpis.Count == 0)
            return new("kpi", "KPI validation", CycleStageState.NotConfigured, "Not configured yet: add the KPIs this product should move, with their targets", href);
        if (kpis.FirstOrDefault(k => k.Drift is not null) is { Drift: { } finding } drifting)
        {
            return new("kpi", "KPI validation", CycleStageState.Failing,
                $"{drifting.Name} off target for {KpiPeriods.Count(finding.Periods, drifting.Period)}: {DriftClassifier.Name(finding.Classification).ToLowerInvariant()}", drifting.Link);
        }
        int Count(KpiStatus status) => kpis.Count(k => k.Status == status);
        string Of(int n) => $"{n} of {kpis.Count} KPI{(kpis.Count == 1 ? "" : "s")}";
        return kpis.Max(k => KpiTarget.Rank(k.Status)) switch
        {
            3 => new("kpi", "KPI validation", CycleStageState.Failing, $"{Of(Count(KpiStatus.OffTarget))} off target", href),
            2 => new("kpi", "KPI validation", CycleStageState.ActionNeeded, $"{Of(Count(KpiStatus.AtRisk))} at risk", href),
            1 => new("kpi", "KPI validation", CycleStageState.Done, $"{Of(Count(KpiStatus.OnTarget))} on target", href),
            _ => new("kpi", "KPI validation", CycleStageState.NotConfigured, $"{Of(kpis.Count)} without a complete period yet", href),
        };
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
