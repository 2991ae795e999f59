using Bunit;
using DataProductDashboard.Components.Layout;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Tests.Components;

public sealed class AlertsBadgeTests : BunitTestContext
{
    private async Task<int> ArrangeProductAsync()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var product = await Service<ProductService>().CreateAsync(
            new CreateProductRequest("Rentals", "", "tests", TaskType.Regression, UiTestData.RentalsSchema), default);
        return product.Id;
    }

    private IDbContextFactory<DashboardDbContext> Db => Service<IDbContextFactory<DashboardDbContext>>();

    [Fact]
    public async Task Render_OpenAlerts_ShowsTheirCountAndLinksToTheInbox()
    {
        var product = await ArrangeProductAsync();
        await AlertRows.InsertAsync(Db,
            AlertRows.New(product, "a", GateSeverity.Critical),
            AlertRows.New(product, "b"),
            AlertRows.New(product, "c", state: AlertState.Acknowledged),
            AlertRows.New(product, "d", state: AlertState.Resolved));

        var cut = Render<AlertsBadge>();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=alerts-badge]").GetAttribute("data-count")));
        Assert.Equal("2", cut.Find("[data-testid=alerts-badge] .mud-badge").TextContent.Trim());
        Assert.Contains("mud-theme-error", cut.Find("[data-testid=alerts-badge] .mud-badge").ClassName);
        Assert.Equal("/alerts", cut.Find("[data-testid=alerts-badge-button]").GetAttribute("href"));
        Assert.Equal("Alerts: 2 open", cut.Find("[data-testid=alerts-badge-button]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Render_NoOpenAlerts_HidesTheBadge()
    {
        var product = await ArrangeProductAsync();
        await AlertRows.InsertAsync(Db, AlertRows.New(product, "c", state: AlertState.Acknowledged));

        var cut = Render<AlertsBadge>();

        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=alerts-badge]").GetAttribute("data-count")));
        Assert.Empty(cut.FindAll("[data-testid=alerts-badge] .mud-badge"));
        Assert.NotNull(cut.Find("[data-testid=alerts-badge-button]"));
    }

    [Fact]
    public async Task NewAlert_Raised_UpdatesTheCountLive()
    {
        var product = await ArrangeProductAsync();
        var cut = Render<AlertsBadge>();
        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=alerts-badge]").GetAttribute("data-count")));

        await AlertRows.InsertAsync(Db, AlertRows.New(product, "raised"));
        Service<ProductEvents>().Publish(product);

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=alerts-badge] .mud-badge").TextContent.Trim()));
    }
}
