using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace DataProductDashboard.Tests.E2E;

/// <summary>The strict Content-Security-Policy blocks nothing the app needs: no violation on the demo pages, and the
/// Plotly charts (loaded through the nonce'd import map) draw.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityHeadersJourneyTests(DashboardServerFixture server)
{
    [Theory]
    [InlineData("/products/1/drift", "#drift-share-chart")]
    [InlineData("/products/1/behavior", "#prediction-chart")]
    [InlineData("/", null)]
    [InlineData("/products/1", null)]
    [InlineData("/products/1/kpis", null)]
    [InlineData("/products/2/experiments", null)]
    public async Task Journey_DemoPageUnderTheCsp_HasNoViolationAndDrawsItsCharts(string path, string? chart)
    {
        var (page, violations) = await NewWatchedPageAsync();

        var response = await page.GotoAsync(server.BaseUrl + path);
        await DashboardServerFixture.WaitUntilInteractiveAsync(page);

        Assert.Contains("script-src 'self' 'nonce-", await response!.HeaderValueAsync("content-security-policy"));
        if (chart is not null)
            await Assertions.Expect(page.Locator($"{chart} .js-plotly-plot .main-svg").First).ToBeVisibleAsync();
        else
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.dpdViolations"));
        Assert.Empty(violations);
    }

    [Fact]
    public async Task Journey_InlineScriptInjectedIntoAPage_IsBlockedAndReported()
    {
        var (page, violations) = await NewWatchedPageAsync();
        await DashboardServerFixture.OpenAsync(page, server.BaseUrl + "/products/1");

        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.dpdInline = true'; document.body.appendChild(s); }");

        await page.WaitForFunctionAsync("() => window.dpdViolations > 0");
        Assert.Null(await page.EvaluateAsync<bool?>("() => window.dpdInline"));
    }

    /// <summary>A page that counts CSP violations in <c>window.dpdViolations</c> and queues them (the DOM event and
    /// chromium's console error).</summary>
    private async Task<(IPage Page, ConcurrentQueue<string> Violations)> NewWatchedPageAsync()
    {
        var page = await server.NewPageAsync();
        var violations = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                violations.Enqueue(message.Text);
        };
        await page.ExposeFunctionAsync("dpdCspViolation", (string violation) => violations.Enqueue(violation));
        await page.AddInitScriptAsync(
            "window.dpdViolations = 0; document.addEventListener('securitypolicyviolation', e => { window.dpdViolations++; " +
            "window.dpdCspViolation(e.violatedDirective + ' blocked ' + e.blockedURI); });");
        return (page, violations);
    }
}
