using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static DataProductDashboard.Tests.Services.Kpis.KpiTestData;

namespace DataProductDashboard.Tests.Services.Kpis;

public sealed class KpiStoredFindingTests
{
    private static async Task<BusinessDriftFinding?> StoredAsync(ServiceHarness h, int kpiId)
    {
        await using var db = await h.DbFactory.CreateDbContextAsync();
        return await db.Kpis.AsNoTracking().Where(k => k.Id == kpiId).Select(k => k.Finding).SingleAsync();
    }

    private static async Task StoreAsync(ServiceHarness h, int kpiId, BusinessDriftFinding finding)
    {
        await using var db = await h.DbFactory.CreateDbContextAsync();
        var kpi = await db.Kpis.SingleAsync(k => k.Id == kpiId);
        kpi.Finding = finding;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task UploadValues_SustainedRun_StoresTheFindingThePagesShow()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);
        var kpi = await h.KpiService.CreateAsync(product.Id, Revenue(), Pm, default);

        await h.KpiService.UploadValuesAsync(product.Id, kpi.Definition.Id, Csv(OffForThreeWeeks), "revenue.csv", Pm, default);

        var stored = await StoredAsync(h, kpi.Definition.Id);
        Assert.NotNull(stored);
        Assert.Equal(DriftClassification.BusinessDrift, stored.Classification);
        Assert.Equal((Utc("2024-05-13"), Utc("2024-05-27"), 3, 60.0), (stored.From, stored.To, stored.Periods, stored.LatestValue));
        var overview = Assert.Single(await h.KpiService.ListOverviewAsync(product.Id, default));
        Assert.Equal(stored, overview.Drift);
    }

    [Fact]
    public async Task ListOverview_StoredFindingOfTheSameRun_IsReusedUntilAGateRuleIsEdited()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var gate = new GateRuleInput(GateScope.Batch, AuditPoints.DriftShare, null, GateCondition.Lte, 0.5, GateSeverity.Warning, Name: "Drift share");
        var rule = await h.Gates.CreateAsync(product.Id, gate, Pm, default);
        var kpi = await h.KpiService.CreateAsync(product.Id, Revenue(), Pm, default);
        await h.KpiService.UploadValuesAsync(product.Id, kpi.Definition.Id, Csv(OffForThreeWeeks), "revenue.csv", Pm, default);
        var classified = await StoredAsync(h, kpi.Definition.Id);
        Assert.NotNull(classified);

        // A page reads the stored finding instead of the audit of the run's batches.
        await StoreAsync(h, kpi.Definition.Id, classified with { Reason = "As stored." });
        var reused = Assert.Single(await h.KpiService.ListOverviewAsync(product.Id, default)).Drift;
        // A gate edit can change what the audit of the run says: the stored finding is dropped and the run classified again.
        await h.Gates.UpdateAsync(product.Id, rule.Id, gate with { Name = "Drift share, renamed" }, Pm, default);
        var afterEdit = Assert.Single(await h.KpiService.ListOverviewAsync(product.Id, default)).Drift;

        Assert.Equal("As stored.", reused?.Reason);
        Assert.Null(await StoredAsync(h, kpi.Definition.Id));
        Assert.Equal(classified, afterEdit);
    }

    [Fact]
    public async Task ListOverview_RunGrewSinceTheStoredFinding_ClassifiesTheNewRun()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);
        var kpi = await h.KpiService.CreateAsync(product.Id, Revenue(), Pm, default);
        await h.KpiService.UploadValuesAsync(product.Id, kpi.Definition.Id, Csv(OffForThreeWeeks), "revenue.csv", Pm, default);
        var classified = await StoredAsync(h, kpi.Definition.Id);
        Assert.NotNull(classified);
        // As if a fourth week arrived without the KPI being judged again (the stored finding is for three).
        await StoreAsync(h, kpi.Definition.Id, classified with { From = Utc("2024-05-06"), Periods = 4, Reason = "Older run." });

        var overview = Assert.Single(await h.KpiService.ListOverviewAsync(product.Id, default));

        Assert.Equal(classified, overview.Drift);
    }
}
