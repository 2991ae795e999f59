using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DataProductDashboard.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class FairnessJourneyTests(DashboardServerFixture server)
{
    [Fact]
    public async Task Journey_FromThePortfolioToAFairnessFindingOnTheCreditDemo()
    {
        var page = await server.NewPageAsync();
        await DashboardServerFixture.OpenAsync(page, server.BaseUrl + "/");
        var card = page.Locator("[data-testid=product-card]", new() { HasText = "Credit risk" });
        await card.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/products/\d+/?$"));
        await DashboardServerFixture.WaitUntilInteractiveAsync(page);
        await page.ClickAsync("#nav-fairness");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/products/\d+/fairness"));
        await DashboardServerFixture.WaitUntilInteractiveAsync(page);

        // The declared sensitive attribute comes first: the finding compares the sexes against the four-fifths rule.
        await Assertions.Expect(page.Locator("[data-testid=fairness-finding]")).ToContainTextAsync(new Regex(@"for sex = (female|male) .* is \d\.\d\d× that for sex = (female|male)"));
        await Assertions.Expect(page.Locator("[data-testid=fairness-finding]")).ToContainTextAsync("four-fifths rule");
        await Assertions.Expect(page.Locator("[data-testid=fairness-metric-disparateImpact]")).ToContainTextAsync(new Regex(@"\d\.\d{3} – \d\.\d{3}"));
        await Assertions.Expect(page.Locator("[data-testid=fairness-groups] tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=chart-fairness] .js-plotly-plot")).ToBeVisibleAsync();

        // Crossed with the age bands, the small groups are shown but not judged.
        await page.GotoAsync(page.Url.Split('?')[0] + "?column=age_band&cross=sex");
        await DashboardServerFixture.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=fairness-groups] tbody tr")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("[data-testid=fairness-groups]")).ToContainTextAsync("too few rows to judge");
    }
}
