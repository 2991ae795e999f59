using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DataProductDashboard.Tests.E2E;

/// <summary>WCAG 2.2 AA and layout over every page of the UI map, in the light and the dark theme: axe-core finds no
/// serious or critical violation, and no page scrolls sideways from 1920 down to 1024 px.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityJourneyTests(DashboardServerFixture server)
{
    /// <summary>The UI map on the demo: every page a signed-in Admin can open (demo ids: bike product 1, credit product 2);
    /// no two neighbours are the same page component (the sweep waits for a new <c>h1</c>).</summary>
    public static readonly string[] Pages =
    [
        "/", "/alerts", "/insights", "/admin", "/products/new",
        "/products/1", "/products/1/models", "/products/1/models/1", "/products/1/models/compare",
        "/products/1/batches", "/batches/1", "/products/1/quality", "/products/1/drift", "/products/1/behavior",
        "/products/1/fairness", "/products/1/kpis", "/products/1/experiments",
        "/products/1/insights", "/products/1/gates", "/products/1/notifications", "/not-found", "/products/2/fairness",
    ];

    private static readonly int[] Widths = [1920, 1440, 1280, 1024];

    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>The dark theme changes colours only (the same markup, another palette): its sweep runs axe's colour rules,
    /// the light sweep every WCAG rule and the widths.</summary>
    private static readonly AxeRunOptions Colours = new()
    {
        RunOnly = new RunOnlyOptions { Type = "rule", Values = ["color-contrast", "link-in-text-block"] },
    };

    [Fact]
    public async Task EveryPage_BothThemes_NoSeriousAxeViolationAndNoSidewaysScrollFrom1920To1024()
    {
        // Two browsers side by side, one per theme; each moves from page to page inside its circuit, as a user does.
        var light = SweepAsync("a11y.light@example.test", ColorScheme.Light, WcagAa, checkWidths: true);
        var dark = SweepAsync("a11y.dark@example.test", ColorScheme.Dark, Colours, checkWidths: false);
        var problems = string.Concat(await Task.WhenAll(light, dark));
        Assert.True(problems.Length == 0, problems);
    }

    private async Task<string> SweepAsync(string user, ColorScheme scheme, AxeRunOptions rules, bool checkWidths)
    {
        var page = await server.NewPageAsync(user, colorScheme: scheme);
        var problems = new StringBuilder();
        var expectedTheme = scheme == ColorScheme.Dark ? "dark" : "light";
        var first = true;
        foreach (var path in Pages)
        {
            await OpenAsync(page, path, first);
            first = false;
            Assert.Equal(expectedTheme, await page.Locator(".mud-layout").GetAttributeAsync("data-theme"));
            var result = await page.RunAxe(rules);
            foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
            {
                var nodes = string.Join(" | ", violation.Nodes.Take(3).Select(n => $"{n.Target} {n.Html[..Math.Min(n.Html.Length, 160)]}"));
                problems.AppendLine($"{path} ({expectedTheme}): {violation.Impact} {violation.Id} ({violation.Help}) x{violation.Nodes.Length}: {nodes}");
            }
            if (!checkWidths)
                continue;
            foreach (var width in Widths)
            {
                await page.SetViewportSizeAsync(width, 1000);
                // Charts follow the new width after Plotly's resize handler has run: wait for the layout to settle.
                try
                {
                    await page.WaitForFunctionAsync("w => document.documentElement.scrollWidth <= w", width, new PageWaitForFunctionOptions { Timeout = 10_000 });
                }
                catch (TimeoutException)
                {
                    var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                    problems.AppendLine($"{path} at {width} px: the page is {scrollWidth} px wide (scrolls sideways)");
                }
            }
            await page.SetViewportSizeAsync(1400, 1000);
        }
        return problems.ToString();
    }

    [Fact]
    public async Task ThemeMenu_DarkChosen_IsRememberedInAnotherBrowserWithALightSystem()
    {
        const string user = "theme.chooser@example.test";
        var page = await server.NewPageAsync(user, colorScheme: ColorScheme.Light);
        await DashboardServerFixture.OpenAsync(page, server.BaseUrl + "/");
        await Assertions.Expect(page.Locator(".mud-layout")).ToHaveAttributeAsync("data-theme", "light");

        await page.ClickAsync("[data-testid=theme-menu] button");
        await page.ClickAsync("[data-testid=theme-dark]");
        await Assertions.Expect(page.Locator(".mud-layout")).ToHaveAttributeAsync("data-theme", "dark");

        // The choice is the user's, not the browser's: a new browser whose system is light opens dark, already prerendered so.
        var other = await server.NewPageAsync(user, colorScheme: ColorScheme.Light);
        var response = await other.GotoAsync(server.BaseUrl + "/alerts");
        Assert.Contains("data-theme=\"dark\"", await response!.TextAsync(), StringComparison.Ordinal);
        await DashboardServerFixture.WaitUntilInteractiveAsync(other);
        await Assertions.Expect(other.Locator(".mud-layout")).ToHaveAttributeAsync("data-theme", "dark");
    }

    [Fact]
    public async Task Drawer_Below1280Pixels_CollapsesToARailThatTheMenuButtonOpens()
    {
        var page = await server.NewPageAsync("a11y.light@example.test");
        await page.SetViewportSizeAsync(1024, 900);
        await DashboardServerFixture.OpenAsync(page, server.BaseUrl + "/products/1/batches");
        var drawer = page.Locator("[data-testid=drawer]");
        await Assertions.Expect(drawer).ToHaveAttributeAsync("data-rail", "true");
        // The drawer's width is animated: wait for it to settle rather than measure mid-transition.
        const string DrawerWidth = "() => document.querySelector('[data-testid=drawer]').getBoundingClientRect().width";
        await page.WaitForFunctionAsync($"() => ({DrawerWidth})() >= 40 && ({DrawerWidth})() <= 80");

        await page.ClickAsync("[data-testid=nav-toggle]");
        await Assertions.Expect(drawer).ToHaveAttributeAsync("data-rail", "false");

        await page.SetViewportSizeAsync(1440, 900);
        await Assertions.Expect(drawer).ToHaveAttributeAsync("data-rail", "false");
        await page.WaitForFunctionAsync($"() => ({DrawerWidth})() > 200");
    }

    /// <summary>The first page is loaded; the next ones are reached through Blazor's router in the same circuit (the
    /// previous page's title is marked stale, so the wait ends on the new page's own <c>h1</c>).</summary>
    private async Task OpenAsync(IPage page, string path, bool load)
    {
        if (load)
        {
            await DashboardServerFixture.OpenAsync(page, server.BaseUrl + path);
        }
        else
        {
            await page.EvaluateAsync("() => document.querySelectorAll('h1').forEach(h => h.setAttribute('data-stale', ''))");
            await page.EvaluateAsync("p => Blazor.navigateTo(p)", path);
        }
        await Assertions.Expect(page.Locator("h1:not([data-stale])").First).ToBeVisibleAsync();
        // Charts and tables fill in after the first interactive render: wait until no skeleton or table loader shows.
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.mud-skeleton, .mud-table-loading')].every(e => e.offsetParent === null)");
    }
}
