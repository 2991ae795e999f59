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
}
