using DataProductDashboard.Services.Products;
using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.ViewModels.Products;

/// <summary>Builds the overview's status strip: model activation → integration → production audit → KPI validation.
/// Audit and KPI validation are not built yet, so they say so instead of showing a fake green.</summary>
public static class OperationalizationCycle
{
    public static IReadOnlyList<CycleStage> For(ProductDetail product) =>
    [
        product.ChampionVersion is { } champion
            ? new("activation", "Model activation", CycleStageState.Done, $"Champion: version {champion} of {product.ModelCount}", $"/products/{product.Id}/models")
            : new("activation", "Model activation", CycleStageState.ActionNeeded, "No model yet: register or train a model", $"/products/{product.Id}/models"),
        product.BatchCount > 0
            ? new("integration", "Integration", CycleStageState.Done, $"{Display.Count(product.BatchCount)} batches, {Display.Count(product.RowsScored)} rows scored", $"/products/{product.Id}/batches")
            : new("integration", "Integration", CycleStageState.ActionNeeded,
                product.ChampionVersion is null ? "No batches yet: register a model first, then upload a batch" : "No batches yet: upload a batch",
                $"/products/{product.Id}/batches"),
        new("audit", "Production audit", CycleStageState.NotConfigured, "Not configured yet: data quality, drift and gates arrive with the audit engine", null),
        new("kpi", "KPI validation", CycleStageState.NotConfigured, "Not configured yet: KPIs and targets arrive in a later release", null),
    ];
}
