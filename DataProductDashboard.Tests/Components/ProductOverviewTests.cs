using Bunit;
using DataProductDashboard.Components.Pages.Products;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Components;

public sealed class ProductOverviewTests : BunitTestContext
{
    [Fact]
    public async Task Render_ProductWithChampionAndBatches_ShowsCycleStripAndKeyCards()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<ProductOverview>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=cycle-strip]")));
        Assert.Equal("Done", cut.Find("[data-testid=cycle-activation]").GetAttribute("data-state"));
        Assert.Equal("Done", cut.Find("[data-testid=cycle-integration]").GetAttribute("data-state"));
        Assert.Contains(cut.Find("[data-testid=cycle-audit]").GetAttribute("data-state"), new[] { "Done", "ActionNeeded", "Failing" });
        Assert.Contains("features", cut.Find("[data-testid=cycle-audit]").TextContent);
        Assert.Contains("Not configured yet", cut.Find("[data-testid=cycle-kpi]").TextContent);
        Assert.Contains("Version 1", cut.Find("[data-testid=stat-champion]").TextContent);
        Assert.Contains("RMSE", cut.Find("[data-testid=champion-metrics]").TextContent);
        Assert.Contains("Trained in app", cut.Find("[data-testid=stat-champion]").TextContent);
        Assert.DoesNotContain("TrainedInApp", cut.Markup);
        Assert.Contains("22", cut.Find("[data-testid=stat-rows]").TextContent);
    }

    [Fact]
    public async Task Render_ProductWithoutModel_AsksToRegisterAModel()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<ProductOverview>(ps => ps.Add(p => p.ProductId, data.EmptyProductId));

        cut.WaitForAssertion(() => Assert.Equal("ActionNeeded", cut.Find("[data-testid=cycle-activation]").GetAttribute("data-state")));
        Assert.Contains("register or train a model", cut.Find("[data-testid=cycle-activation]").TextContent);
        Assert.Contains("upload a batch", cut.Find("[data-testid=cycle-integration]").TextContent);
    }

    [Fact]
    public async Task Render_UnknownId_ShowsFriendlyNotFound()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<ProductOverview>(ps => ps.Add(p => p.ProductId, 999));

        cut.WaitForAssertion(() => Assert.Contains("Data product 999 was not found", cut.Find("[data-testid=not-found]").TextContent));
    }
}
