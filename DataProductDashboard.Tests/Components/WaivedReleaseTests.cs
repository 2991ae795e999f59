using System.Globalization;
using Bunit;
using DataProductDashboard.Components.Pages.Alerts;
using DataProductDashboard.Components.Pages.Gates;
using DataProductDashboard.Components.Pages.Models;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Services.Releases;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;

namespace DataProductDashboard.Tests.Components;

/// <summary>A release gate that fails for v2 and is waived: the registry, the gate tables, the version page and the
/// alerts inbox say "Waived until &lt;date&gt; by &lt;who&gt;" with a link to the waiver, not "Failed".</summary>
public sealed class WaivedReleaseTests : BunitTestContext
{
    private const string Reason = "Campaign week: accept the risk";
    private static readonly DateTime Expiry = DateTime.UtcNow.Date.AddDays(30);
    private static readonly string Text = $"Waived until {Expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} by pm.bob";

    private async Task<int> ArrangeAsync()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var ct = CancellationToken.None;
        var product = await Service<ProductService>().CreateAsync(new CreateProductRequest("Gated", "", "tests", TaskType.Regression, TestSchemas.Regression), ct);
        var registry = Service<ModelRegistryService>();
        await registry.TrainAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(160)), "v1.csv", new TrainModelRequest(TrainerKind.FastTree), ct);
        await registry.TrainAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(160, seed: 8)), "v2.csv", new TrainModelRequest(TrainerKind.Sdca), ct);
        await Service<GateService>().CreateAsync(product.Id,
            new GateRuleInput(GateScope.Release, "holdout.mae", null, GateCondition.Lt, 1e-6, GateSeverity.Critical, Name: "Perfect MAE"), new Actor("pm.alice"), ct);
        var releases = Service<ReleaseService>();
        await releases.EvaluateAsync(product.Id, 2, ct);
        await releases.WaiveAsync(product.Id, 2, Reason, Expiry, new Actor("pm.bob"), ct);
        return product.Id;
    }

    private static void AssertWaived(AngleSharp.Dom.IElement status, int productId)
    {
        Assert.Equal("Waived", status.GetAttribute("data-status"));
        Assert.Equal("Failed", status.GetAttribute("data-gate-status"));
        Assert.Equal(Text, status.QuerySelector("[data-testid=gate-waived]")!.TextContent.Trim());
        Assert.Equal($"/products/{productId}/models/2#waiver", status.QuerySelector("[data-testid=waiver-link]")!.GetAttribute("href"));
        Assert.DoesNotContain("Failed", status.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelRegistry_WaivedVersion_ShowsWaivedUntilDateByWhoNotFailed()
    {
        var productId = await ArrangeAsync();

        var cut = Render<ModelRegistry>(ps => ps.Add(p => p.ProductId, productId));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=model-row]").Count));
        AssertWaived(cut.Find("tr:has([data-testid=model-row][data-version='2']) [data-testid=gate-status]"), productId);
        Assert.Equal("none", cut.Find("tr:has([data-testid=model-row][data-version='1']) [data-testid=gate-status]").GetAttribute("data-status"));
    }

    [Fact]
    public async Task GatesPage_WaivedReleaseGate_ShowsWaivedAsTheRulesLastOutcome()
    {
        var productId = await ArrangeAsync();
        Service<NavigationManager>().NavigateTo($"/products/{productId}/gates");

        var cut = Render<GatesPage>(ps => ps.Add(p => p.ProductId, productId));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=gate-table-release] [data-testid=gate-row]")));
        AssertWaived(cut.Find("[data-testid=gate-table-release] [data-testid=gate-status]"), productId);
    }

    [Fact]
    public async Task GateEvaluationsTable_WaivedReleaseOutcome_ShowsWaivedAndLinksTheVersion()
    {
        var productId = await ArrangeAsync();
        var rows = (await Service<GateService>().ListEvaluationsAsync(productId, new EvaluationFilter(Scope: GateScope.Release), default)).Items;

        var cut = Render<GateEvaluationsTable>(ps => ps.Add(p => p.Rows, rows).Add(p => p.ProductId, productId));

        Assert.Equal("Failed", cut.Find("[data-testid=evaluation-row]").GetAttribute("data-status"));
        AssertWaived(cut.Find("[data-testid=gate-status]"), productId);
        Assert.Contains(cut.FindAll("a"), a => a.GetAttribute("href") == $"/products/{productId}/models/2" && a.TextContent.Trim() == "Version 2");
    }

    [Fact]
    public async Task ModelVersionPage_WaivedVersion_ShowsTheWaiverWithItsReason()
    {
        var productId = await ArrangeAsync();

        var cut = Render<ModelVersionPage>(ps => ps.Add(p => p.ProductId, productId).Add(p => p.Version, 2));

        cut.WaitForAssertion(() => cut.Find("[data-testid=version-release]"));
        AssertWaived(cut.Find("#waiver [data-testid=gate-status]"), productId);
        Assert.Equal($"Reason: {Reason}", cut.Find("[data-testid=version-waiver-reason]").TextContent.Trim());
    }

    [Fact]
    public async Task AlertsPage_AlertResolvedByTheWaiver_ShowsWaivedWithTheLinkToIt()
    {
        var productId = await ArrangeAsync();
        Service<NavigationManager>().NavigateTo($"/alerts?product={productId}&state=All");

        var cut = Render<AlertsPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=alert-row]")));
        var state = cut.Find("[data-testid=alert-state]");
        Assert.Equal(("Resolved", "true"), (state.GetAttribute("data-state"), state.GetAttribute("data-waived")));
        Assert.Contains("Waived", state.TextContent, StringComparison.Ordinal);
        var link = cut.Find("[data-testid=alert-waiver]");
        Assert.Equal((Text, $"/products/{productId}/models/2#waiver"), (link.TextContent.Trim(), link.GetAttribute("href")));
        Assert.Empty(cut.FindAll("[data-testid=alert-resolve]"));
    }
}
