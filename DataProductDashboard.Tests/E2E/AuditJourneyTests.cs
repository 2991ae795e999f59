using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DataProductDashboard.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class AuditJourneyTests(DashboardServerFixture server)
{
    private async Task<IPage> OpenProductAsync(string name)
    {
        var page = await server.NewPageAsync();
        await DashboardServerFixture.OpenAsync(page, server.BaseUrl + "/");
        await page.Locator("[data-testid=product-card]", new() { HasText = name }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/products/\d+/?$"));
        return page;
    }

    [Fact]
    public async Task Journey_DriftPageShowsVerdictsAndTheOverlayOfTheChosenColumn()
    {
        var page = await OpenProductAsync("Bike rental demand");
        await Assertions.Expect(page.Locator("[data-testid=cycle-audit]")).ToHaveAttributeAsync("data-state", new Regex(".+"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Drift", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/products/\d+/drift"));
        await Assertions.Expect(page.Locator("#drift-table [data-testid=drift-row]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=drift-verdict-text]")).ToContainTextAsync("features drifted");

        await page.Locator("#drift-table [data-testid=drift-row][data-column='hum']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("column=hum"));
        await Assertions.Expect(page.Locator("#drift-overlay-chart .js-plotly-plot").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#drift-share-chart .js-plotly-plot").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Journey_UploadLabelsOnTheBehaviorPage()
    {
        var page = await OpenProductAsync("Credit risk");
        var labels = Path.Combine(server.DataPath, "journey-labels.csv");
        await DashboardServerFixture.OpenAsync(page, page.Url.TrimEnd('/') + "/behavior");
        await Assertions.Expect(page.Locator("#performance-chart")).ToBeVisibleAsync();

        // The demo leaves the two newest credit batches unlabelled; label one application of them (all outcomes are good).
        var batches = await page.APIRequest.GetAsync(server.BaseUrl + "/api/products/2/batches?pageSize=1");
        var newest = System.Text.Json.JsonDocument.Parse(await batches.TextAsync()).RootElement.GetProperty("items")[0].GetProperty("id").GetInt32();
        var predictions = await page.APIRequest.GetAsync($"{server.BaseUrl}/api/batches/{newest}/predictions?pageSize=1");
        var key = System.Text.Json.JsonDocument.Parse(await predictions.TextAsync()).RootElement.GetProperty("items")[0].GetProperty("rowKey").GetString();
        await File.WriteAllTextAsync(labels, $"application_id,credit_risk\n{key},1\n");

        await page.ClickAsync("#upload-labels-button");
        await DashboardServerFixture.ChooseDialogFileAsync(page, labels);
        await page.ClickAsync("#upload-labels-submit");

        await Assertions.Expect(page.Locator("[data-testid=labels-result]")).ToContainTextAsync("1");
    }
}
