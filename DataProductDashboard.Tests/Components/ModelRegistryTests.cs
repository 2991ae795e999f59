using Bunit;
using DataProductDashboard.Components.Pages.Models;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Components;

public sealed class ModelRegistryTests : BunitTestContext
{
    [Fact]
    public async Task Render_ProductWithTrainedModel_ListsTheVersionWithMetrics()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<ModelRegistry>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=model-row]")));
        var table = cut.Find("[data-testid=models-table]").TextContent;
        Assert.Contains("Champion", table);
        Assert.Contains("FastTree", table);
        Assert.Contains("Trained in app", table);
        Assert.Contains("r2", table);
        Assert.Empty(cut.FindAll("[data-testid=promote-button]"));
        Assert.NotNull(cut.Find("#upload-model-button"));
        Assert.NotNull(cut.Find("#train-model-button"));
    }

    [Fact]
    public async Task Render_ProductWithoutModels_ShowsEmptyState()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<ModelRegistry>(ps => ps.Add(p => p.ProductId, data.EmptyProductId));

        cut.WaitForAssertion(() => Assert.Contains("No model versions yet", cut.Find("[data-testid=models-empty]").TextContent));
    }

    [Fact]
    public async Task Render_UnknownId_ShowsFriendlyNotFound()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<ModelRegistry>(ps => ps.Add(p => p.ProductId, 999));

        cut.WaitForAssertion(() => Assert.Contains("Data product 999 was not found", cut.Markup));
    }
}
