using System.Text;
using Bunit;
using DataProductDashboard.Components.Pages.Portfolio;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Kpis;
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
    public async Task Render_NoProducts_ShowsEmptyStateWithTheWizardAndApiHint()
    {
        UseData(await UiTestData.CreateEmptyAsync());

        var cut = Render<PortfolioPage>();

        cut.WaitForAssertion(() => Assert.Contains("No data products yet", cut.Find("[data-testid=portfolio-empty]").TextContent));
        Assert.Equal("/products/new", cut.Find("[data-testid=portfolio-empty-new]").GetAttribute("href"));
        Assert.Contains("POST /api/products/infer-schema", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=product-card]"));
    }

    [Fact]
    public async Task Render_ProductWithAnOffTargetKpi_ShowsTheKpiChipLinkingToItsKpis()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var productId = await GatesUiData.CreateProductAsync(Services);
        var kpis = Service<KpiService>();
        var kpi = await kpis.CreateAsync(productId, new KpiInput("Revenue", KpiDirection.HigherIsBetter, 100, 10, KpiPeriod.Week, KpiSource.Uploaded),
            GatesUiData.Tester, CancellationToken.None);
        await kpis.CreateAsync(productId, new KpiInput("Visits", KpiDirection.HigherIsBetter, 100, 10, KpiPeriod.Week, KpiSource.Uploaded),
            GatesUiData.Tester, CancellationToken.None);
        await kpis.UploadValuesAsync(productId, kpi.Definition.Id, Encoding.UTF8.GetBytes("period,value\n2026-03-02,50\n"), "v.csv", GatesUiData.Tester, CancellationToken.None);

        var cut = Render<PortfolioPage>();

        cut.WaitForAssertion(() => Assert.Equal("OffTarget", cut.Find("[data-testid=portfolio-kpi-status]").GetAttribute("data-status")));
        var chip = cut.Find("[data-testid=portfolio-kpi-status]");
        Assert.Equal("KPIs: 1 off target", chip.TextContent.Trim());
        Assert.Contains($"/products/{productId}/kpis", cut.Find($"[data-product-id='{productId}']").InnerHtml);
    }

    [Fact]
    public async Task Render_ProductWithoutKpis_SaysNoneDefined()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        await GatesUiData.CreateProductAsync(Services);

        var cut = Render<PortfolioPage>();

        cut.WaitForAssertion(() => Assert.Equal("none", cut.Find("[data-testid=portfolio-kpi-status]").GetAttribute("data-status")));
        Assert.Equal("None defined", cut.Find("[data-testid=portfolio-kpi-status]").TextContent.Trim());
    }

    [Fact]
    public async Task Render_ViewerWithoutProducts_EmptyStateSaysWhoCreatesThem()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        SignInAs("viewer", DashboardRoles.Viewer);

        var cut = Render<PortfolioPage>();

        cut.WaitForAssertion(() => Assert.Contains("a product manager or a data scientist creates them", cut.Find("[data-testid=portfolio-empty-reader]").TextContent));
        Assert.DoesNotContain("POST /api/products", cut.Find("[data-testid=portfolio-empty]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=portfolio-new-product]"));
    }
}
