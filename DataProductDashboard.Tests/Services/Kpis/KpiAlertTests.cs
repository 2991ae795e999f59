using DataProductDashboard.Domain;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static DataProductDashboard.Tests.Services.Kpis.KpiTestData;

namespace DataProductDashboard.Tests.Services.Kpis;

public sealed class KpiAlertTests
{
    private static async Task<DataProductDashboard.Data.Entities.Alert?> KpiAlertAsync(ServiceHarness h, int kpiId)
    {
        await using var db = await h.DbFactory.CreateDbContextAsync();
        return await db.Alerts.AsNoTracking().Where(a => a.Key == AlertKeys.Kpi(kpiId)).OrderByDescending(a => a.Id).FirstOrDefaultAsync();
    }

    [Fact]
    public async Task Upload_ThreeWeeksOffTargetWithoutBatches_RaisesACriticalBusinessDriftAlert()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);
        var kpi = await h.KpiService.CreateAsync(product.Id, Revenue(), Pm, default);

        await h.KpiService.UploadValuesAsync(product.Id, kpi.Definition.Id, Csv(OffForThreeWeeks), "revenue.csv", Pm, default);

        var alert = await KpiAlertAsync(h, kpi.Definition.Id);
        Assert.NotNull(alert);
        Assert.Equal(AlertKind.KpiDrift, alert.Kind);
        Assert.Equal(GateSeverity.Critical, alert.Severity);
        Assert.Equal(AlertState.Open, alert.State);
        Assert.Equal("Revenue off target for 3 weeks: business drift", alert.Title);
        Assert.Equal($"/products/{product.Id}/kpis?kpi={kpi.Definition.Id}", alert.Link);
        Assert.StartsWith("60 k€ in the week of 2024-05-27 against a target of 100 k€ (off target beyond 90)", alert.Message);
        Assert.Contains("No batch was audited in these 3 weeks", alert.Message);
        Assert.True(h.Outbox.Reader.TryRead(out var queued));
        Assert.Equal(alert.Id, queued);
    }

    [Fact]
    public async Task Upload_TwoWeeksOffTarget_IsOffTargetWithoutAnAlert()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);
        var kpi = await h.KpiService.CreateAsync(product.Id, Revenue(), Pm, default);

        await h.KpiService.UploadValuesAsync(product.Id, kpi.Definition.Id, Csv("period,value\n2024-05-06,120\n2024-05-13,80\n2024-05-20,70\n"), "r.csv", Pm, default);
        var overview = Assert.Single(await h.KpiService.ListOverviewAsync(product.Id, default));

        Assert.Equal(KpiStatus.OffTarget, overview.Status);
        Assert.Null(overview.Drift);
        Assert.Null(await KpiAlertAsync(h, kpi.Definition.Id));
    }

    [Fact]
    public async Task Upload_BackWithinTheBand_ClearsTheAlertAsTheSystem()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);
        var kpi = await h.KpiService.CreateAsync(product.Id, Revenue(), Pm, default);
        await h.KpiService.UploadValuesAsync(product.Id, kpi.Definition.Id, Csv(OffForThreeWeeks), "revenue.csv", Pm, default);

        // 95 is below the target but within the band (at risk): the run ends.
        await h.KpiService.UploadValuesAsync(product.Id, kpi.Definition.Id, Csv("period,value\n2024-06-03,95\n"), "june.csv", Pm, default);

        var alert = await KpiAlertAsync(h, kpi.Definition.Id);
        Assert.Equal(AlertState.Resolved, alert!.State);
        Assert.Equal("system", alert.ResolvedBy);
        Assert.Equal("Back within the band: 95 k€ in the week of 2024-06-03.", alert.ResolutionNote);
        Assert.Equal(KpiStatus.AtRisk, (await h.KpiService.ListOverviewAsync(product.Id, default)).Single().Status);
    }

    [Fact]
    public async Task Delete_KpiWithAnOpenAlert_ResolvesTheAlertAndDropsItsValues()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);
        var kpi = await h.KpiService.CreateAsync(product.Id, Revenue(), Pm, default);
        await h.KpiService.UploadValuesAsync(product.Id, kpi.Definition.Id, Csv(OffForThreeWeeks), "revenue.csv", Pm, default);

        await h.KpiService.DeleteAsync(product.Id, kpi.Definition.Id, Pm, default);

        var alert = await KpiAlertAsync(h, kpi.Definition.Id);
        Assert.Equal(AlertState.Resolved, alert!.State);
        Assert.Equal("KPI deleted by pm.kim.", alert.ResolutionNote);
        Assert.Equal(0, await h.CountAsync(db => db.KpiValues));
        Assert.Empty(await h.KpiService.ListOverviewAsync(product.Id, default));
    }

    [Fact]
    public async Task Import_DriftedBatchInTheRunsWeeks_ClassifiesTheRunAsDataDrift()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var kpi = await h.KpiService.CreateAsync(product.Id, Revenue(), Pm, default);
        await h.KpiService.UploadValuesAsync(product.Id, kpi.Definition.Id, Csv(OffForThreeWeeks), "revenue.csv", Pm, default);

        // 40 rows from 2024-05-13 over 21 days (the three weeks of the run), far outside the training data.
        var batch = await h.Importer.ImportAsync(product.Id, Rows(40, 100, Utc("2024-05-13"), 21, drifted: true), "drifted.csv", BatchSource.Api);

        var finding = (await h.KpiService.ListOverviewAsync(product.Id, default)).Single().Drift;
        Assert.NotNull(finding);
        Assert.Equal(DriftClassification.DataDrift, finding.Classification);
        Assert.Equal(batch.Id, finding.EvidenceBatchId);
        Assert.Contains("Inputs drifted in 3 of 3 weeks", finding.Reason);
        var alert = await KpiAlertAsync(h, kpi.Definition.Id);
        Assert.Equal("Revenue off target for 3 weeks: data drift", alert!.Title);
        Assert.Equal(batch.Id, alert.BatchId);
        Assert.Equal(2, alert.Count);
    }

    [Fact]
    public async Task Labels_ModelFarOffInTheRunsWeeks_ReclassifiesTheRunAsConceptDrift()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var kpi = await h.KpiService.CreateAsync(product.Id, Revenue(), Pm, default);
        await h.KpiService.UploadValuesAsync(product.Id, kpi.Definition.Id, Csv(OffForThreeWeeks), "revenue.csv", Pm, default);
        var batch = await h.Importer.ImportAsync(product.Id, Rows(40, 200, Utc("2024-05-13"), 21), "stable.csv", BatchSource.Api);
        var before = (await h.KpiService.ListOverviewAsync(product.Id, default)).Single().Drift;

        // True counts 50 above every prediction: the batch's MAE is 50, far beyond the hold-out MAE.
        var predictions = (await h.Batches.GetPredictionsAsync(batch.Id, 1, 100, default)).Items;
        await h.Labels.UploadAsync(product.Id, Labels(predictions.Select(p => (p.RowKey, Math.Round(p.Predicted + 50, 3))).ToArray()), "counts.csv", default);

        var after = (await h.KpiService.ListOverviewAsync(product.Id, default)).Single().Drift;
        Assert.Equal(DriftClassification.BusinessDrift, before!.Classification);
        Assert.Contains("model performance is not known yet", before.Reason);
        Assert.Equal(DriftClassification.ConceptDrift, after!.Classification);
        Assert.Equal(batch.Id, after.EvidenceBatchId);
        Assert.Contains($"batch #{batch.Number} shows MAE 50 against", after.Reason);
        Assert.Equal(batch.Number, after.EvidenceBatchNumber);
        Assert.Equal("Revenue off target for 3 weeks: concept drift", (await KpiAlertAsync(h, kpi.Definition.Id))!.Title);
    }
}
