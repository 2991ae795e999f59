using System.Text.RegularExpressions;
using DataProductDashboard.Bench;
using Microsoft.Playwright;

namespace DataProductDashboard.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ModelActivationJourneyTests(DashboardServerFixture server)
{
    [Fact]
    public async Task Journey_TrainCandidateInTheAppAndPromoteIt()
    {
        var page = await server.NewPageAsync();
        var csv = Path.Combine(server.DataPath, "journey-train.csv");
        await File.WriteAllBytesAsync(csv, BikeShapedCsv.Generate(600, seed: 12, withLabel: true));

        await DashboardServerFixture.OpenAsync(page, server.BaseUrl + "/");
        await page.Locator("[data-testid=product-card]", new() { HasText = "Bike rental demand" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/products/\d+/?$"));
        await DashboardServerFixture.OpenAsync(page, page.Url.TrimEnd('/') + "/models");
        await Assertions.Expect(page.Locator("[data-testid=model-row]").First).ToBeVisibleAsync();
        var before = await page.Locator("[data-testid=model-row]").CountAsync();

        await page.ClickAsync("#train-model-button");
        await DashboardServerFixture.ChooseDialogFileAsync(page, csv);
        await page.ClickAsync("#train-model-submit");
        var result = page.Locator("[data-testid=train-result]");
        await Assertions.Expect(result).ToContainTextAsync("trained with FastTree", new() { Timeout = 60_000 });
        // A new version is shadow-scored (Challenger) while the demo has room for one, else a Candidate.
        await Assertions.Expect(result).ToContainTextAsync(new Regex("Status: (Challenger|Candidate)"));
        var number = int.Parse(Regex.Match(await result.InnerTextAsync(), @"Version (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await page.ClickAsync("[data-testid=train-done]");

        await Assertions.Expect(page.Locator("[data-testid=model-row]")).ToHaveCountAsync(before + 1);
        var row = page.Locator("#models-table tbody tr", new() { Has = page.Locator($"[data-version='{number}']") });
        await Assertions.Expect(row).ToContainTextAsync(new Regex("Challenger|Candidate"));
        await row.Locator("[data-testid=promote-button]").ClickAsync();
        // The confirmation compares the champion and the candidate and evaluates the demo's release gates: the
        // candidate (trained on 600 synthetic rows) does worse than the champion on the latest labelled weeks (shadow scoring), so it is blocked
        // until the product manager records a waiver.
        var confirm = page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"promote v{number}", RegexOptions.IgnoreCase) });
        await Assertions.Expect(page.Locator("[data-testid=release-summary]")).ToContainTextAsync("promotion is blocked", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=release-outcome][data-status=Failed]").First).ToContainTextAsync("Production MAE no worse than the champion on the same rows");
        await Assertions.Expect(confirm).ToBeDisabledAsync();
        await page.Locator("textarea[data-testid=waiver-reason]").FillAsync("Journey test: release for the evaluation week");
        await page.ClickAsync("[data-testid=waiver-save]");
        await Assertions.Expect(page.Locator("[data-testid=release-summary]")).ToContainTextAsync("waived by");
        await confirm.ClickAsync();

        await Assertions.Expect(row).ToContainTextAsync("Champion");
        await DashboardServerFixture.OpenAsync(page, page.Url.Replace("/models", "", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=cycle-activation]")).ToContainTextAsync($"version {number}");
    }
}
