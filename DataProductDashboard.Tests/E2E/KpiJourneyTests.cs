using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DataProductDashboard.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class KpiJourneyTests(DashboardServerFixture server)
{
    [Fact]
    public async Task Journey_ProductManagerSeesAKpiOffTargetWithItsClassificationAndOpensTheEvidence()
    {
        var page = await server.NewPageAsync();
        await DashboardServerFixture.OpenAsync(page, server.BaseUrl + "/");
        var card = page.Locator("[data-testid=product-card]", new() { HasText = "Bike rental demand" });
        await Assertions.Expect(card.Locator("[data-testid=portfolio-kpi-status]")).ToHaveAttributeAsync("data-status", "OffTarget");

        // From the product to its KPIs through the navigation.
        await card.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/products/\d+/?$"));
        await DashboardServerFixture.WaitUntilInteractiveAsync(page);
        await page.ClickAsync("#nav-kpis");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/products/\d+/kpis"));
        await DashboardServerFixture.WaitUntilInteractiveAsync(page);

        // "Daily rentals" is off target, classified against the audit of the same days, and charted.
        var daily = page.Locator("[data-testid=kpi-card]", new() { HasText = "Daily rentals" });
        await Assertions.Expect(daily).ToBeVisibleAsync();
        var kpiId = await daily.GetAttributeAsync("data-kpi-id");
        await Assertions.Expect(page.Locator($"[data-testid=kpi-status-{kpiId}]")).ToHaveAttributeAsync("data-status", "OffTarget");
        await Assertions.Expect(page.Locator($"[data-testid=kpi-classification-{kpiId}]")).ToHaveTextAsync(new Regex("^(Concept|Data|Business) drift$"));
        await Assertions.Expect(page.Locator($"[data-testid=kpi-reason-{kpiId}]")).ToContainTextAsync("batch #");
        await Assertions.Expect(page.Locator($"[data-testid=kpi-detail][data-kpi-id='{kpiId}'] [data-testid=kpi-chart] .js-plotly-plot").First).ToBeVisibleAsync();

        // The evidence link opens the batch whose audit decided the classification.
        var evidence = page.Locator($"[data-testid=kpi-evidence-{kpiId}]");
        var href = await evidence.GetAttributeAsync("href");
        var batchId = Regex.Match(href ?? "", @"^/batches/(\d+)$").Groups[1].Value;
        Assert.NotEqual("", batchId);
        // The link names the batch by its number within the product; the route keeps the global id.
        var number = Regex.Match(await evidence.TextContentAsync() ?? "", @"batch #(\d+)").Groups[1].Value;
        Assert.NotEqual("", number);
        await evidence.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/batches/{batchId}$"));
        await Assertions.Expect(page.Locator("#page-title")).ToHaveTextAsync($"Batch #{number}");
        await Assertions.Expect(page.Locator("[data-testid=batch-header]")).ToContainTextAsync("rentals-");
    }
}
