using System.Text.Json;
using System.Text.RegularExpressions;
using DataProductDashboard.Bench;
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
        await Assertions.Expect(page.Locator("[data-testid=gate-dialog-current]")).ToBeVisibleAsync();
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
        var deleted = await page.APIRequest.DeleteAsync($"{server.BaseUrl}/api/products/{productId}/gates/{ruleId}", new() { Headers = server.PipelineHeaders() });
        Assert.Equal(204, deleted.Status);
    }

    [Fact]
    public async Task Journey_GateFailsOnTheNextBatch_AlertAppearsLiveAndIsAcknowledged()
    {
        const string Name = "Journey: at most 100 rows per batch";
        var page = await server.NewPageAsync();
        await DashboardServerFixture.OpenAsync(page, server.BaseUrl + "/");
        await page.Locator("[data-testid=product-card]", new() { HasText = "Bike rental demand" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/products/\d+/?$"));
        var productId = Regex.Match(page.Url, @"/products/(\d+)").Groups[1].Value;
        await DashboardServerFixture.OpenAsync(page, $"{server.BaseUrl}/products/{productId}/gates");

        // The product manager adds a gate: batches of at most 100 rows (the default condition is "at most").
        await page.ClickAsync("[data-testid=gates-add]");
        await page.ClickAsync("[data-testid=gate-dialog-metric]");
        await page.Locator("[data-testid=gate-metric-option][data-metric-id='batch.rows']").ClickAsync();
        // The metric's choice has made its round trip (its current value shows) before the threshold is typed: a
        // re-render still on its way would otherwise put the empty threshold back.
        await Assertions.Expect(page.Locator("[data-testid=gate-dialog-current]")).ToBeVisibleAsync();
        await page.Locator("input[data-testid=gate-dialog-threshold]").FillAsync("100");
        await page.Locator("input[data-testid=gate-dialog-name]").FillAsync(Name);
        await Assertions.Expect(page.Locator("[data-testid=gate-preview-summary]")).ToContainTextAsync("of the last 10 batches");
        await page.ClickAsync("[data-testid=gate-dialog-save]");
        var rule = page.Locator("[data-testid=gate-row]", new() { HasText = Name });
        await Assertions.Expect(rule).ToBeVisibleAsync();
        var ruleId = await rule.GetAttributeAsync("data-rule-id");

        // The inbox is open when the next batch arrives from a pipeline through the API.
        await DashboardServerFixture.OpenAsync(page, $"{server.BaseUrl}/alerts?product={productId}");
        var alert = page.Locator("#alerts-table tbody tr", new() { HasText = Name });
        await Assertions.Expect(alert).ToHaveCountAsync(0);
        var upload = await page.APIRequest.PostAsync($"{server.BaseUrl}/api/products/{productId}/batches?fileName=journey-gate.csv", new()
        {
            Headers = server.PipelineHeaders(("Content-Type", "text/csv")),
            DataByte = BikeShapedCsv.Generate(240, seed: 21),
        });
        Assert.Equal(201, upload.Status);

        // A pipeline uploads with its API key (the sign-in cookie is for reads only on the API).
        // The alert appears without a reload, names the breach, and is acknowledged from the inbox.
        await Assertions.Expect(alert).ToBeVisibleAsync();
        await Assertions.Expect(alert).ToContainTextAsync("Rows 240 > threshold 100");
        await Assertions.Expect(alert.Locator("[data-testid=alert-state]")).ToHaveAttributeAsync("data-state", "Open");
        await alert.Locator("[data-testid=alert-ack]").ClickAsync();
        await Assertions.Expect(alert.Locator("[data-testid=alert-state]")).ToHaveAttributeAsync("data-state", "Acknowledged");
        await Assertions.Expect(alert.Locator("[data-testid=alert-state-by]")).ToContainTextAsync("product.manager");

        // Leave the shared demo as it was for the other journeys: resolve the alert, delete the gate.
        var alertId = await alert.Locator("[data-testid=alert-row]").GetAttributeAsync("data-alert-id");
        Assert.Equal(200, (await page.APIRequest.PostAsync($"{server.BaseUrl}/api/alerts/{alertId}/resolve", new() { Headers = server.PipelineHeaders() })).Status);
        Assert.Equal(204, (await page.APIRequest.DeleteAsync($"{server.BaseUrl}/api/products/{productId}/gates/{ruleId}", new() { Headers = server.PipelineHeaders() })).Status);
    }
}
