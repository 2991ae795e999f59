using Bunit;
using DataProductDashboard.Components.Pages.Alerts;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace DataProductDashboard.Tests.Components;

public sealed class AlertsPageTests : BunitTestContext
{
    private async Task<(int Rentals, int Credit)> ArrangeProductsAsync()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var products = Service<ProductService>();
        var rentals = await products.CreateAsync(new CreateProductRequest("Rentals", "", "tests", TaskType.Regression, UiTestData.RentalsSchema), default);
        var credit = await products.CreateAsync(new CreateProductRequest("Credit", "", "tests", TaskType.Regression, UiTestData.RentalsSchema), default);
        return (rentals.Id, credit.Id);
    }

    private IDbContextFactory<DashboardDbContext> Db => Service<IDbContextFactory<DashboardDbContext>>();

    private static IReadOnlyList<string?> RowIds(IRenderedComponent<AlertsPage> cut) =>
        cut.FindAll("[data-testid=alert-row]").Select(r => r.GetAttribute("data-alert-id")).ToList();

    [Fact]
    public async Task Render_Default_ListsUnresolvedAlertsWithCountStateAndEvidence()
    {
        var (rentals, credit) = await ArrangeProductsAsync();
        var ids = await AlertRows.InsertAsync(Db,
            AlertRows.New(rentals, "RMSE above threshold", GateSeverity.Critical, count: 5, lastSeen: AlertRows.Now, link: "/batches/12", batchId: null),
            AlertRows.New(credit, "Drift on temp", GateSeverity.Warning, AlertState.Acknowledged, lastSeen: AlertRows.Now.AddHours(-1), column: "temp"),
            AlertRows.New(credit, "Old problem", GateSeverity.Critical, AlertState.Resolved, lastSeen: AlertRows.Now.AddHours(1)));

        var cut = Render<AlertsPage>();

        cut.WaitForAssertion(() => Assert.Equal([ids[0].ToString(), ids[1].ToString()], RowIds(cut)));
        var first = cut.Find($"tr:has([data-alert-id='{ids[0]}'])");
        Assert.Contains("Critical", first.QuerySelector("[data-testid=alert-severity]")!.TextContent);
        Assert.Equal($"/products/{rentals}", first.QuerySelector("[data-testid=alert-product]")!.GetAttribute("href"));
        Assert.Equal("Rentals", first.QuerySelector("[data-testid=alert-product]")!.TextContent.Trim());
        Assert.Equal("×5", first.QuerySelector("[data-testid=alert-count]")!.TextContent.Trim());
        Assert.Equal("/batches/12", first.QuerySelector("[data-testid=alert-evidence]")!.GetAttribute("href"));
        Assert.Contains("Open", first.QuerySelector("[data-testid=alert-state]")!.TextContent);
        Assert.NotNull(first.QuerySelector("[data-testid=alert-ack]"));
        var second = cut.Find($"tr:has([data-alert-id='{ids[1]}'])");
        Assert.Equal("Acknowledged", second.QuerySelector("[data-testid=alert-state]")!.GetAttribute("data-state"));
        Assert.Equal("by carol", second.QuerySelector("[data-testid=alert-state-by]")!.TextContent);
        Assert.Equal($"/products/{credit}/drift?column=temp", second.QuerySelector("[data-testid=alert-evidence]")!.GetAttribute("href"));
        Assert.Contains("Drift · temp", second.QuerySelector("[data-testid=alert-evidence]")!.TextContent);
        Assert.Null(second.QuerySelector("[data-testid=alert-ack]"));
        Assert.NotNull(second.QuerySelector("[data-testid=alert-resolve]"));
        Assert.Equal("/api/alerts?format=csv&state=Unresolved&sort=LastSeen&descending=true", cut.Find("[data-testid=alerts-export]").GetAttribute("href"));
    }

    [Fact]
    public async Task Render_FiltersFromQueryString_ShowOnlyMatchingAlerts()
    {
        var (rentals, credit) = await ArrangeProductsAsync();
        var ids = await AlertRows.InsertAsync(Db,
            AlertRows.New(rentals, "a", GateSeverity.Critical),
            AlertRows.New(rentals, "b", GateSeverity.Warning),
            AlertRows.New(credit, "c", GateSeverity.Critical, AlertState.Resolved),
            AlertRows.New(credit, "d", GateSeverity.Critical));

        Service<NavigationManager>().NavigateTo($"/alerts?product={credit}&severity=Critical&state=All");
        var cut = Render<AlertsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, RowIds(cut).Count));
        Assert.Equal([ids[3].ToString(), ids[2].ToString()], RowIds(cut).Order().Reverse().ToList());
        Assert.Contains($"productId={credit}", cut.Find("[data-testid=alerts-export]").GetAttribute("href"));
        Assert.Contains("severity=Critical", cut.Find("[data-testid=alerts-export]").GetAttribute("href"));
        Assert.NotNull(cut.Find("[data-testid=alerts-clear-filters]"));
    }

    [Fact]
    public async Task ChangeSeverityFilter_ReloadsRowsAndPutsItInTheUrl()
    {
        var (rentals, _) = await ArrangeProductsAsync();
        var ids = await AlertRows.InsertAsync(Db, AlertRows.New(rentals, "a", GateSeverity.Critical), AlertRows.New(rentals, "b", GateSeverity.Warning));
        var cut = Render<AlertsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, RowIds(cut).Count));

        var severity = cut.FindComponents<MudSelect<string>>().Single();
        await cut.InvokeAsync(() => severity.Instance.ValueChanged.InvokeAsync("Warning"));

        cut.WaitForAssertion(() => Assert.Equal([ids[1].ToString()], RowIds(cut)));
        Assert.Contains("severity=Warning", Service<NavigationManager>().Uri);
    }

    [Fact]
    public async Task Acknowledge_Clicked_CallsThroughAndRowShowsWho()
    {
        var (rentals, _) = await ArrangeProductsAsync();
        var ids = await AlertRows.InsertAsync(Db, AlertRows.New(rentals, "RMSE above threshold", GateSeverity.Critical));
        var cut = Render<AlertsPage>();
        cut.WaitForAssertion(() => Assert.Single(RowIds(cut)));

        cut.Find("[data-testid=alert-ack]").Click();

        cut.WaitForAssertion(() => Assert.Contains("by product.manager", cut.Find("[data-testid=alert-state]").TextContent));
        Assert.Equal("Acknowledged", cut.Find("[data-testid=alert-state]").GetAttribute("data-state"));
        Assert.Empty(cut.FindAll("[data-testid=alert-ack]"));
        var stored = await AlertRows.ReadAsync(Db, ids[0]);
        Assert.Equal(AlertState.Acknowledged, stored.State);
        Assert.Equal("product.manager", stored.AcknowledgedBy);
        Assert.NotNull(stored.AcknowledgedAt);
    }

    [Fact]
    public async Task Resolve_WithNote_ResolvesAndTheRowLeavesTheUnresolvedView()
    {
        var (rentals, _) = await ArrangeProductsAsync();
        var ids = await AlertRows.InsertAsync(Db, AlertRows.New(rentals, "RMSE above threshold", GateSeverity.Critical));
        var cut = Render<AlertsPage>();
        cut.WaitForAssertion(() => Assert.Single(RowIds(cut)));

        cut.Find("[data-testid=alert-resolve]").Click();
        DialogProvider.WaitForAssertion(() => Assert.Contains("RMSE above threshold", DialogProvider.Find("[data-testid=resolve-title]").TextContent));
        DialogProvider.Find("textarea").Input("retrained on March data");
        DialogProvider.Find("[data-testid=resolve-confirm]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=alerts-empty]")));
        var stored = await AlertRows.ReadAsync(Db, ids[0]);
        Assert.Equal(AlertState.Resolved, stored.State);
        Assert.Equal("product.manager", stored.ResolvedBy);
        Assert.Equal("retrained on March data", stored.ResolutionNote);
    }

    [Fact]
    public async Task Resolve_Cancelled_ChangesNothing()
    {
        var (rentals, _) = await ArrangeProductsAsync();
        var ids = await AlertRows.InsertAsync(Db, AlertRows.New(rentals, "RMSE above threshold"));
        var cut = Render<AlertsPage>();
        cut.WaitForAssertion(() => Assert.Single(RowIds(cut)));

        cut.Find("[data-testid=alert-resolve]").Click();
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=resolve-cancel]")));
        DialogProvider.Find("[data-testid=resolve-cancel]").Click();

        DialogProvider.WaitForAssertion(() => Assert.Empty(DialogProvider.FindAll("[data-testid=resolve-dialog]")));
        Assert.Equal(AlertState.Open, (await AlertRows.ReadAsync(Db, ids[0])).State);
        Assert.Single(RowIds(cut));
    }

    [Fact]
    public async Task Render_NoUnresolvedAlerts_SaysAllGatesPass()
    {
        var (rentals, _) = await ArrangeProductsAsync();
        await AlertRows.InsertAsync(Db, AlertRows.New(rentals, "fixed long ago", state: AlertState.Resolved));

        var cut = Render<AlertsPage>();

        cut.WaitForAssertion(() => Assert.Contains("No open alerts — all gates pass", cut.Find("[data-testid=alerts-empty]").TextContent));
        Assert.Empty(RowIds(cut));
        Assert.True(cut.Find("[data-testid=alerts-export]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Render_FilterWithoutMatches_SaysSoAndOffersToClear()
    {
        var (rentals, _) = await ArrangeProductsAsync();
        await AlertRows.InsertAsync(Db, AlertRows.New(rentals, "warning only", GateSeverity.Warning));

        Service<NavigationManager>().NavigateTo("/alerts?severity=Critical");
        var cut = Render<AlertsPage>();

        cut.WaitForAssertion(() => Assert.Contains("No alerts match these filters", cut.Find("[data-testid=alerts-no-match]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=alerts-empty]"));
    }

    [Fact]
    public async Task NewAlert_RaisedWhileOpen_AppearsWithoutReload()
    {
        var (rentals, credit) = await ArrangeProductsAsync();
        await AlertRows.InsertAsync(Db, AlertRows.New(rentals, "first", lastSeen: AlertRows.Now.AddHours(-1)));
        var cut = Render<AlertsPage>();
        cut.WaitForAssertion(() => Assert.Single(RowIds(cut)));

        var ids = await AlertRows.InsertAsync(Db, AlertRows.New(credit, "raised just now", GateSeverity.Critical));
        Service<ProductEvents>().Publish(credit);

        cut.WaitForAssertion(() => Assert.Equal(2, RowIds(cut).Count));
        Assert.Equal(ids[0].ToString(), RowIds(cut)[0]);
        Assert.Contains("raised just now", cut.Find("[data-testid=alert-title]").TextContent);
    }

    [Fact]
    public async Task Render_Viewer_ListsAlertsWithoutAcknowledgeOrResolve()
    {
        var (rentals, _) = await ArrangeProductsAsync();
        await AlertRows.InsertAsync(Db, AlertRows.New(rentals, "RMSE above threshold", GateSeverity.Critical, lastSeen: AlertRows.Now));
        SignInAs("viewer", DashboardRoles.Viewer);

        var cut = Render<AlertsPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=alert-row]")));
        AssertAbsent(cut, "[data-testid=alert-ack]", "[data-testid=alert-resolve]");
        Assert.DoesNotContain("Actions", cut.Find("thead").TextContent);
        Assert.NotNull(cut.Find("[data-testid=alerts-export]"));
    }

    [Fact]
    public async Task Render_DataScientist_CanAcknowledgeAndResolve()
    {
        var (rentals, _) = await ArrangeProductsAsync();
        await AlertRows.InsertAsync(Db, AlertRows.New(rentals, "RMSE above threshold", GateSeverity.Critical, lastSeen: AlertRows.Now));
        SignInAs("ds", DashboardRoles.DataScientist);

        var cut = Render<AlertsPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=alert-ack]")));
        Assert.NotNull(cut.Find("[data-testid=alert-resolve]"));
    }
}
