using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DataProductDashboard.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class GatesJourneyTests(DashboardServerFixture server)
{
    [Fact]
    public async Task Journey_CreateAGateThroughTheEditorAfterItsPreview()
    {
        var page = await server.NewPageAsync();
        await DashboardServerFixture.OpenAsync(page, server.BaseUrl + "/");
        await page.Locator("[data-testid=product-card]", new() { HasText = "Bike rental demand" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/products/\d+/?$"));
        await page.ClickAsync("#nav-gates");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/products/\d+/gates"));
        await DashboardServerFixture.WaitUntilInteractiveAsync(page);

        await page.ClickAsync("[data-testid=gates-add]");
        // The metric list opens on click (MudSelect: no typing); options carry the key (and column) in data-metric-id.
        await page.ClickAsync("[data-testid=gate-dialog-metric]");
        await page.Locator("[data-testid=gate-metric-option][data-metric-id='dq.volume_ratio']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=gate-dialog-explanation]")).ToContainTextAsync("median of the previous batches");
        await page.Locator("input[data-testid=gate-dialog-threshold]").FillAsync("3");
        await Assertions.Expect(page.Locator("[data-testid=gate-preview-summary]")).ToContainTextAsync("of the last 10 batches");
        await Assertions.Expect(page.Locator("[data-testid=gate-preview-row]")).ToHaveCountAsync(10);
        await page.ClickAsync("[data-testid=gate-dialog-save]");

        var row = page.Locator("[data-testid=gate-row]", new() { HasText = "Volume vs usual ≤ 3" });
        await Assertions.Expect(row).ToBeVisibleAsync();

        // Leave the shared demo as it was for the other journeys.
        var productId = Regex.Match(page.Url, @"/products/(\d+)/").Groups[1].Value;
        var ruleId = await row.GetAttributeAsync("data-rule-id");
        var deleted = await page.APIRequest.DeleteAsync($"{server.BaseUrl}/api/products/{productId}/gates/{ruleId}");
        Assert.Equal(204, deleted.Status);
    }
}
