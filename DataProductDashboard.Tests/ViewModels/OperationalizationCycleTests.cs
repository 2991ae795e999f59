using DataProductDashboard.Analysis;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Tests.TestSupport;
using DataProductDashboard.ViewModels.Products;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class OperationalizationCycleTests
{
    private static ProductDetail Product(int? champion, int batches) => new(7, "P", "", "", TaskType.Regression, UiTestData.RentalsSchema,
        champion, champion is null ? 0 : 1, batches, batches * 10L, null, DateTime.UnixEpoch);

    [Fact]
    public void For_NoChampionNoBatches_AsksToRegisterModelThenUpload()
    {
        var stages = OperationalizationCycle.For(Product(null, 0));

        Assert.Equal(["activation", "integration", "audit", "kpi"], stages.Select(s => s.Key));
        Assert.Equal(CycleStageState.ActionNeeded, stages[0].State);
        Assert.Contains("register or train a model", stages[0].Detail);
        Assert.Equal(CycleStageState.ActionNeeded, stages[1].State);
        Assert.Equal("/products/7/models", stages[0].Href);
    }

    [Fact]
    public void For_ChampionAndBatches_ActivationAndIntegrationDone()
    {
        var stages = OperationalizationCycle.For(Product(3, 4));

        Assert.Equal(CycleStageState.Done, stages[0].State);
        Assert.Contains("version 3", stages[0].Detail);
        Assert.Equal(CycleStageState.Done, stages[1].State);
        Assert.Contains("4 batches, 40 rows", stages[1].Detail);
    }

    [Fact]
    public void For_AnyProduct_AuditAndKpiAreNotConfiguredNeverDone()
    {
        var stages = OperationalizationCycle.For(Product(1, 100));

        Assert.All(stages.Skip(2), s => Assert.Equal(CycleStageState.NotConfigured, s.State));
        Assert.All(stages.Skip(2), s => Assert.StartsWith("Not configured yet", s.Detail));
    }

    [Fact]
    public void For_RedDriftAmberQuality_AuditFailingWithDriftReasonAndLink()
    {
        var health = new AuditHealth(HealthState.Amber, "3 duplicate row keys.", HealthState.Red, "Dataset drift: 9 of 12 features drifted.");

        var audit = OperationalizationCycle.For(Product(1, 10), health)[2];

        Assert.Equal(CycleStageState.Failing, audit.State);
        Assert.Equal("Dataset drift: 9 of 12 features drifted.", audit.Detail);
        Assert.Equal("/products/7/drift", audit.Href);
    }

    [Fact]
    public void For_AmberQualityGreenDrift_AuditNeedsActionWithQualityReason()
    {
        var health = new AuditHealth(HealthState.Amber, "12% of 'hum' is missing.", HealthState.Green, "No drift in 12 features.");

        var audit = OperationalizationCycle.For(Product(1, 10), health)[2];

        Assert.Equal(CycleStageState.ActionNeeded, audit.State);
        Assert.Equal("12% of 'hum' is missing.", audit.Detail);
        Assert.Equal("/products/7/quality", audit.Href);
    }

    [Fact]
    public void For_BothGreen_AuditDoneAndKpiStillNotConfigured()
    {
        var stages = OperationalizationCycle.For(Product(1, 10), new AuditHealth(HealthState.Green, "Complete, valid and unique.", HealthState.Green, "No drift in 12 features."));

        Assert.Equal(CycleStageState.Done, stages[2].State);
        Assert.Contains("No drift", stages[2].Detail);
        Assert.Equal(CycleStageState.NotConfigured, stages[3].State);
    }

    [Fact]
    public void For_UnknownHealthWithoutBatches_AuditNotConfiguredAsksForABatch()
    {
        var audit = OperationalizationCycle.For(Product(1, 0), AuditHealth.Unknown)[2];

        Assert.Equal(CycleStageState.NotConfigured, audit.State);
        Assert.Contains("upload a batch", audit.Detail);
    }
}
