using Bunit;
using DataProductDashboard.Components.Pages.Portfolio;
using DataProductDashboard.Components.Pages.Products;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Components;

public sealed class ProductLifecycleUiTests : BunitTestContext
{
    [Fact]
    public async Task Archive_FromTheOverview_ShowsTheBannerAndHidesItFromThePortfolio()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var id = await GatesUiData.CreateProductAsync(Services);
        _ = DialogProvider;
        var cut = Render<ProductOverview>(p => p.Add(x => x.ProductId, id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=archive-product]")));

        cut.Find("[data-testid=archive-product]").Click();
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find(".mud-dialog")));
        DialogProvider.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Archive", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=archived-banner]")));
        Assert.Empty(cut.FindAll("[data-testid=edit-product]"));
        Assert.Empty(cut.FindAll("[data-testid=change-schema]"));
        Assert.NotNull((await Service<ProductService>().GetAsync(id, CancellationToken.None)).ArchivedAt);
        var portfolio = Render<PortfolioPage>();
        portfolio.WaitForAssertion(() => Assert.Contains("Show archived (1)", portfolio.Markup));
        Assert.Empty(portfolio.FindAll($"[data-testid=product-card][data-product-id='{id}']"));
    }

    [Fact]
    public async Task Delete_EnabledOnlyOnceTheNameIsTyped_RemovesTheProduct()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var id = await GatesUiData.CreateProductAsync(Services);
        var name = (await Service<ProductService>().GetAsync(id, CancellationToken.None)).Name;
        _ = DialogProvider;
        var cut = Render<ProductOverview>(p => p.Add(x => x.ProductId, id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=delete-product]")));

        cut.Find("[data-testid=delete-product]").Click();
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=delete-product-dialog]")));
        Assert.True(DialogProvider.Find("[data-testid=delete-product-submit]").HasAttribute("disabled"));
        DialogProvider.Find("input[data-testid=delete-product-confirm], [data-testid=delete-product-confirm] input").Input(name);
        DialogProvider.WaitForAssertion(() => Assert.False(DialogProvider.Find("[data-testid=delete-product-submit]").HasAttribute("disabled")));
        DialogProvider.Find("[data-testid=delete-product-submit]").Click();

        await WaitUntilAsync(async () =>
        {
            try
            {
                await Service<ProductService>().GetAsync(id, CancellationToken.None);
                return false;
            }
            catch (NotFoundException)
            {
                return true;
            }
        });
    }

    [Fact]
    public async Task Render_ProductManager_SeesArchiveButNotDelete()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var id = await GatesUiData.CreateProductAsync(Services);
        SignInAs("pm", DashboardRoles.ProductManager);

        var cut = Render<ProductOverview>(p => p.Add(x => x.ProductId, id));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=archive-product]")));
        Assert.Empty(cut.FindAll("[data-testid=delete-product]"));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 10 s");
            await Task.Delay(50);
        }
    }
}
