using Bunit;
using DataProductDashboard.Components.Pages.Fairness;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Tests.Api;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;

namespace DataProductDashboard.Tests.Components;

public sealed class FairnessPageTests : BunitTestContext
{
    private async Task<(int ProductId, List<int> Batches)> ArrangeAsync(int batches = 2, int rows = 150)
    {
        UseData(await UiTestData.CreateEmptyAsync());
        return await FairnessUiData.CreateAsync(Services, batches, rows);
    }

    private IRenderedComponent<FairnessPage> RenderPage(int productId, string query = "")
    {
        Service<NavigationManager>().NavigateTo($"/products/{productId}/fairness{query}");
        return Render<FairnessPage>(ps => ps.Add(p => p.ProductId, productId));
    }

    [Fact]
    public async Task Render_LabelledBatches_ShowsTheFindingTheFiveGapsAndEachGroup()
    {
        var (productId, _) = await ArrangeAsync();

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.Contains("Share predicted 'default' for sex = ", cut.Find("[data-testid=fairness-finding]").TextContent));
        Assert.Equal(5, cut.FindAll("[data-testid^=fairness-metric-]").Count);
        Assert.Matches(@"\d\.\d{3} – \d\.\d{3}", cut.Find("[data-testid=fairness-metric-disparateImpact]").TextContent);
        var groups = cut.FindAll("[data-testid=fairness-groups] tbody tr");
        Assert.Equal(["female", "male"], groups.Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        Assert.Contains("every labelled row: 300 rows", cut.Find("[data-testid=fairness-metrics]").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("false", cut.Find("[data-testid=chart-fairness] [data-empty]").GetAttribute("data-empty"));
    }

    [Fact]
    public async Task Render_CrossedAttributes_ListsEachCombinationAndFlagsSmallOnes()
    {
        var (productId, _) = await ArrangeAsync(batches: 1, rows: 120);

        var cut = RenderPage(productId, "?column=sex&cross=region");

        cut.WaitForAssertion(() => Assert.Equal(6, cut.FindAll("[data-testid=fairness-groups] tbody tr").Count));
        Assert.Contains("female × north", cut.Find("[data-testid=fairness-groups]").TextContent);
        Assert.Contains("too few rows to judge", cut.Find("[data-testid=fairness-groups]").TextContent);
    }

    [Fact]
    public async Task Render_OnlyTheSelectedBatch_CountsItsRows()
    {
        var (productId, batches) = await ArrangeAsync();

        var cut = RenderPage(productId, $"?batch={batches[0]}&scope=batch");

        cut.WaitForAssertion(() => Assert.Contains("Batch #1: 150 rows", cut.Find("[data-testid=fairness-metrics]").TextContent));
    }

    [Fact]
    public async Task Render_RegressionProduct_SaysFairnessNeedsABinaryClassifier()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var product = await Service<ProductService>().CreateAsync(new CreateProductRequest("Rentals", null, null, TaskType.Regression, TestSchemas.Regression), CancellationToken.None);

        var cut = RenderPage(product.Id);

        cut.WaitForAssertion(() => Assert.Contains("Fairness needs a binary classifier", cut.Find("[data-testid=fairness-unavailable]").TextContent));
    }

    [Fact]
    public async Task Render_BinaryProductWithoutSegments_SaysHowToMarkOne()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var product = await Service<ProductService>().CreateAsync(new CreateProductRequest("Risk", null, null, TaskType.BinaryClassification, TestSchemas.Binary), CancellationToken.None);

        var cut = RenderPage(product.Id);

        cut.WaitForAssertion(() => Assert.Contains("No segment attributes", cut.Find("[data-testid=fairness-unavailable]").TextContent));
    }
}
