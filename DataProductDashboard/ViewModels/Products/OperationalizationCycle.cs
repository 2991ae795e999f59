using DataProductDashboard.Analysis;
using DataProductDashboard.Services.Products;
using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.ViewModels.Products;

/// <summary>Builds the overview's status strip: model activation → integration → production audit → KPI validation.
/// The audit stage takes the worse of the data-quality and drift lights of the newest audited batch, with its reason;
/// KPI validation is not built yet, so it says so instead of showing a fake green.</summary>
public static class OperationalizationCycle
{
    public static IReadOnlyList<CycleStage> For(ProductDetail product, AuditHealth? health = null) =>
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
        new("kpi", "KPI validation", CycleStageState.NotConfigured, "Not configured yet: KPIs and targets arrive in a later release", null),
    ];

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
