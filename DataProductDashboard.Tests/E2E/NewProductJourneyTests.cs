using System.Text.RegularExpressions;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.Playwright;

namespace DataProductDashboard.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed partial class NewProductJourneyTests(DashboardServerFixture server)
{
    [Fact]
    public async Task Journey_SampleToProduct_AdjustARoleCreateTrainAndSeeTheFirstBatchAudited()
    {
        var page = await server.NewPageAsync(role: DataProductDashboard.Domain.DashboardRoles.DataScientist);
        var lines = await File.ReadAllLinesAsync(RepoPaths.GermanCreditCsv);
        var sample = Path.Combine(server.DataPath, "journey-credit.csv");
        await File.WriteAllLinesAsync(sample, lines.Take(801));
        var batch = Path.Combine(server.DataPath, "journey-credit-week.csv");
        await File.WriteAllLinesAsync(batch, lines.Take(1).Concat(lines.Skip(801).Take(120)));

        await DashboardServerFixture.OpenAsync(page, server.BaseUrl + "/");
        await page.ClickAsync("[data-testid=portfolio-new-product]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/products/new$"));
        await DashboardServerFixture.WaitUntilInteractiveAsync(page);
        await ChooseFileAsync(page, sample);

        var table = page.Locator("[data-testid=wizard-columns-table]");
        await Assertions.Expect(table).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=wizard-notes]")).ToContainTextAsync("binary classification with '2' as the positive class");
        // Adjust one role: the telephone column only slices the population, it is not a model input.
        await page.Locator("[data-column=telephone] [data-testid=wizard-role]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Segment" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-column=telephone] [data-testid=wizard-role]")).ToHaveTextAsync("Segment");
        await page.Locator("input[data-testid=wizard-name], [data-testid=wizard-name] input").First.FillAsync("Journey credit");
        await page.ClickAsync("#wizard-create");

        await Assertions.Expect(page).ToHaveURLAsync(ModelsUrl());
        await DashboardServerFixture.WaitUntilInteractiveAsync(page);
        await page.ClickAsync("#train-model-button");
        await DashboardServerFixture.ChooseDialogFileAsync(page, sample);
        await page.ClickAsync("#train-model-submit");
        await Assertions.Expect(page.Locator("[data-testid=train-result]")).ToContainTextAsync("trained with", new() { Timeout = 90_000 });
        await page.ClickAsync("[data-testid=train-done]");

        await DashboardServerFixture.OpenAsync(page, Regex.Replace(page.Url, "/models.*$", "/batches"));
        await page.ClickAsync("#upload-batch-button");
        await DashboardServerFixture.ChooseDialogFileAsync(page, batch);
        await page.ClickAsync("#upload-batch-submit");
        var row = page.Locator("#batches-table tbody tr", new() { HasText = "journey-credit-week.csv" });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await row.GetByRole(AriaRole.Link).First.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/batches/\d+$"));
        await Assertions.Expect(page.Locator("#batch-quality")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#batch-drift")).ToBeVisibleAsync();
        // Created with its default gates: the first batch was judged by them.
        await Assertions.Expect(page.Locator("[data-testid=batch-gate-row]").First).ToBeVisibleAsync();
    }

    private static async Task ChooseFileAsync(IPage page, string path)
    {
        var input = page.Locator("[data-testid=wizard-sample] input[type=file]");
        await input.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=wizard-sample] input[type=file]')?._blazorInputFileNextFileId !== undefined");
        await input.SetInputFilesAsync(path);
    }

    [GeneratedRegex(@"/products/\d+/models$")]
    private static partial Regex ModelsUrl();
}
