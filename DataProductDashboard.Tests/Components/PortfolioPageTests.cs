using Bunit;
using DataProductDashboard.Components.Pages.Portfolio;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Components;

public sealed class PortfolioPageTests : BunitTestContext
{
    [Fact]
    public async Task Render_SeededProducts_ShowsACardPerProductWithCounts()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<PortfolioPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=product-card]").Count));
        var rentals = cut.Find($"[data-product-id='{data.RentalsId}']");
        Assert.Contains(UiTestData.RentalsName, rentals.TextContent);
        Assert.Contains("Champion v1", rentals.TextContent);
        Assert.Equal("2", rentals.QuerySelector("[data-testid=product-batches]")!.TextContent.Trim());
        Assert.Contains("22", rentals.TextContent);
        Assert.Contains("2026-02-01 08:00 UTC", rentals.TextContent);
        Assert.Contains($"/products/{data.RentalsId}", rentals.InnerHtml);
        Assert.Contains("No model yet", cut.Find($"[data-product-id='{data.EmptyProductId}']").TextContent);
    }

    [Fact]
    public async Task Render_NoProducts_ShowsEmptyStateWithApiHint()
    {
        UseData(await UiTestData.CreateEmptyAsync());

        var cut = Render<PortfolioPage>();

        cut.WaitForAssertion(() => Assert.Contains("No data products yet", cut.Find("[data-testid=portfolio-empty]").TextContent));
        Assert.Contains("POST /api/products", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=product-card]"));
    }
}
