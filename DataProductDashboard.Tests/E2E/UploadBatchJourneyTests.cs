using System.Text.RegularExpressions;
using DataProductDashboard.Bench;
using Microsoft.Playwright;

namespace DataProductDashboard.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed partial class UploadBatchJourneyTests(DashboardServerFixture server)
{
    [Fact]
    public async Task Journey_OpenBikeProductUploadBatchAndOpenItsDetail()
    {
        var page = await server.NewPageAsync();
        var csv = Path.Combine(server.DataPath, "journey-week.csv");
        await File.WriteAllBytesAsync(csv, BikeShapedCsv.Generate(240, seed: 3));

        await DashboardServerFixture.OpenAsync(page, server.BaseUrl + "/");
        var bike = page.Locator("[data-testid=product-card]", new() { HasText = "Bike rental demand" });
        await Assertions.Expect(bike).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=product-card]", new() { HasText = "Credit risk" })).ToBeVisibleAsync();
        await bike.GetByRole(AriaRole.Link).First.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(ProductUrl());
        await Assertions.Expect(page.Locator("[data-testid=cycle-activation]")).ToHaveAttributeAsync("data-state", new Regex("done|ok|complete", RegexOptions.IgnoreCase));
        await page.GetByRole(AriaRole.Link, new() { Name = "Batches", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=batch-row]").First).ToBeVisibleAsync();

        await page.ClickAsync("#upload-batch-button");
        await Assertions.Expect(page.Locator("[data-testid=upload-batch-dialog]")).ToBeVisibleAsync();
        await DashboardServerFixture.ChooseDialogFileAsync(page, csv);
        await page.ClickAsync("#upload-batch-submit");

        var newRow = page.Locator("#batches-table tbody tr", new() { HasText = "journey-week.csv" });
        await Assertions.Expect(newRow).ToBeVisibleAsync();
        await Assertions.Expect(newRow).ToContainTextAsync("240");
        await newRow.GetByRole(AriaRole.Link).First.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/batches/\d+$"));
        await Assertions.Expect(page.Locator("h1, .mud-typography-h4, .mud-typography-h5").First).ToContainTextAsync("Batch");
        await Assertions.Expect(page.Locator("#prediction-histogram .js-plotly-plot, #prediction-histogram-plot.js-plotly-plot").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#download-predictions")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("journey-week.csv").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Journey_UploadBadBatch_ShowsTheRowAndColumnAndStoresNothing()
    {
        var page = await server.NewPageAsync();
        var csv = Path.Combine(server.DataPath, "journey-bad.csv");
        var lines = System.Text.Encoding.UTF8.GetString(BikeShapedCsv.Generate(5, seed: 4)).TrimEnd().Split('\n');
        lines[3] = lines[3].Replace(",0.", ",warm", StringComparison.Ordinal);
        await File.WriteAllTextAsync(csv, string.Join('\n', lines) + "\n");

        await DashboardServerFixture.OpenAsync(page, server.BaseUrl + "/");
        await page.Locator("[data-testid=product-card]", new() { HasText = "Bike rental demand" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ProductUrl());
        await DashboardServerFixture.OpenAsync(page, page.Url.TrimEnd('/') + "/batches");
        await Assertions.Expect(page.Locator("[data-testid=batch-row]").First).ToBeVisibleAsync();

        await page.ClickAsync("#upload-batch-button");
        await DashboardServerFixture.ChooseDialogFileAsync(page, csv);
        await page.ClickAsync("#upload-batch-submit");

        await Assertions.Expect(page.Locator("[data-testid=dialog-error-list]")).ToContainTextAsync("row 4, column 'temp'");
        await Assertions.Expect(page.Locator("[data-testid=dialog-error-list]")).ToContainTextAsync("is not a number");
        await page.Keyboard.PressAsync("Escape");
        await page.ReloadAsync();
        await DashboardServerFixture.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=batch-row]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#batches-table")).Not.ToContainTextAsync("journey-bad.csv");
    }

    [GeneratedRegex(@"/products/\d+/?$")]
    private static partial Regex ProductUrl();
}
