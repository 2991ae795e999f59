using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DataProductDashboard.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ModelCompareJourneyTests(DashboardServerFixture server)
{
    [Fact]
    public async Task Journey_TickTwoVersionsCompareThemAndSwitchTheBaseline()
    {
        var page = await server.NewPageAsync();

        await DashboardServerFixture.OpenAsync(page, server.BaseUrl + "/");
        await page.Locator("[data-testid=product-card]", new() { HasText = "Credit risk" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/products/\d+/?$"));
        await DashboardServerFixture.OpenAsync(page, page.Url.TrimEnd('/') + "/models");
        var ticks = page.Locator("input[data-testid=compare-tick], [data-testid=compare-tick] input");
        await Assertions.Expect(ticks).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=compare-selected]")).ToBeDisabledAsync();

        await ticks.Nth(0).CheckAsync();
        await ticks.Nth(1).CheckAsync();
        await page.ClickAsync("[data-testid=compare-selected]");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/models/compare\?versions=1,2$"));
        await Assertions.Expect(page.Locator("[data-testid=compare-rows]")).ToContainTextAsync("labelled rows", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=compare-rows]")).ToContainTextAsync("baseline v1");
        var sentence = page.Locator("[data-testid=compare-sentence]").First;
        await Assertions.Expect(sentence).ToHaveTextAsync(new Regex(@"^v2's Accuracy is [\d.]+ (lower|higher) than v1's \(95% CI .+, p .+\) on the same [\d,]+ rows: .+\.$"));

        await page.ClickAsync("[data-testid=compare-baseline]");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "v2" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"baseline=2"));
        await Assertions.Expect(page.Locator("[data-testid=compare-rows]")).ToContainTextAsync("baseline v2", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=compare-sentence]").First).ToHaveTextAsync(new Regex(@"^v1's Accuracy is [\d.]+ (lower|higher) than v2's"));
    }
}
