using Bunit;
using DataProductDashboard.Components.Pages.Products;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Components;

public sealed class EditProductDialogTests : BunitTestContext
{
    [Fact]
    public async Task EditDetails_FromTheOverview_RenamesTheProduct()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var id = await GatesUiData.CreateProductAsync(Services);
        _ = DialogProvider;
        var cut = Render<ProductOverview>(p => p.Add(x => x.ProductId, id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=edit-product]")));

        cut.Find("[data-testid=edit-product]").Click();
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=edit-product-dialog]")));
        DialogProvider.Find("input[data-testid=edit-product-name], [data-testid=edit-product-name] input").Change("Renamed product");
        DialogProvider.Find("#edit-product-save").Click();

        cut.WaitForAssertion(() => Assert.Equal("Renamed product", cut.Find("#page-title").TextContent.Trim()));
        Assert.Equal("Renamed product", (await Service<ProductService>().GetAsync(id, CancellationToken.None)).Name);
    }
}
