using System.Text;
using Bunit;
using DataProductDashboard.Components.Pages.Batches;
using DataProductDashboard.Components.Pages.Models;
using DataProductDashboard.Components.Pages.Portfolio;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Components;

/// <summary>Release gates in the promote dialog, gate outcomes on the batch page and gate health on the portfolio,
/// each on its own database (they add gates).</summary>
public sealed class ReleaseGatesTests : BunitTestContext
{
    private static readonly Actor Pm = new("pm.alice");

    private async Task<(int ProductId, int BatchId)> ArrangeAsync(bool failingReleaseGate)
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var ct = CancellationToken.None;
        var product = await Service<ProductService>().CreateAsync(new CreateProductRequest("Gated", "", "tests", TaskType.Regression, TestSchemas.Regression), ct);
        var registry = Service<ModelRegistryService>();
        await registry.TrainAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(160)), "v1.csv", new TrainModelRequest(TrainerKind.FastTree), ct);
        await registry.TrainAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(160, seed: 8)), "v2.csv", new TrainModelRequest(TrainerKind.Sdca), ct);
        var gates = Service<GateService>();
        await gates.CreateAsync(product.Id, new GateRuleInput(GateScope.Batch, "batch.rows", null, GateCondition.Lt, 10, GateSeverity.Critical, Name: "Small batches"), Pm, ct);
        if (failingReleaseGate)
            await gates.CreateAsync(product.Id, new GateRuleInput(GateScope.Release, "holdout.mae", null, GateCondition.Lt, 1e-6, GateSeverity.Critical, Name: "Perfect MAE"), Pm, ct);
        var batch = await Service<BatchImporter>().ImportAsync(product.Id, Encoding.UTF8.GetBytes(TestSchemas.RegressionCsv(30, seed: 3, withLabel: false, firstId: 500)),
            "b.csv", BatchSource.Api);
        return (product.Id, batch.Id);
    }

    [Fact]
    public async Task PromoteDialog_CriticalReleaseGateFails_DisablesConfirmUntilAWaiverIsRecorded()
    {
        var (productId, _) = await ArrangeAsync(failingReleaseGate: true);
        var cut = Render<ModelRegistry>(ps => ps.Add(p => p.ProductId, productId));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=promote-button]")));

        cut.Find("[data-testid=promote-button]").Click();

        DialogProvider.WaitForAssertion(() => Assert.Contains("promotion is blocked", DialogProvider.Find("[data-testid=release-summary]").TextContent));
        var outcome = DialogProvider.Find("[data-testid=release-outcome]");
        Assert.Equal("Failed", outcome.GetAttribute("data-status"));
        Assert.Contains("Perfect MAE", outcome.TextContent);
        Assert.True(DialogProvider.Find("[data-testid=promote-confirm]").HasAttribute("disabled"));

        DialogProvider.Find("textarea[data-testid=waiver-reason]").Change("Campaign week: accept the risk");
        DialogProvider.Find("[data-testid=waiver-save]").Click();

        DialogProvider.WaitForAssertion(() => Assert.Contains("waived by product.manager", DialogProvider.Find("[data-testid=release-summary]").TextContent));
        Assert.False(DialogProvider.Find("[data-testid=promote-confirm]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task PromoteDialog_WaiverWithoutReason_ShowsTheErrorUnderTheReason()
    {
        var (productId, _) = await ArrangeAsync(failingReleaseGate: true);
        var cut = Render<ModelRegistry>(ps => ps.Add(p => p.ProductId, productId));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=promote-button]")));
        cut.Find("[data-testid=promote-button]").Click();
        DialogProvider.WaitForAssertion(() => DialogProvider.Find("[data-testid=waiver-save]"));

        DialogProvider.Find("[data-testid=waiver-save]").Click();

        DialogProvider.WaitForAssertion(() => Assert.Contains("A waiver needs a reason", DialogProvider.Markup));
        Assert.True(DialogProvider.Find("[data-testid=promote-confirm]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task PromoteDialog_NoReleaseGates_AllowsPromotionAndSaysSo()
    {
        var (productId, _) = await ArrangeAsync(failingReleaseGate: false);
        var cut = Render<ModelRegistry>(ps => ps.Add(p => p.ProductId, productId));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=promote-button]")));

        cut.Find("[data-testid=promote-button]").Click();

        DialogProvider.WaitForAssertion(() => Assert.Contains("No release gates", DialogProvider.Find("[data-testid=release-summary]").TextContent));
        Assert.False(DialogProvider.Find("[data-testid=promote-confirm]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task BatchPage_ShowsTheGateOutcomesWorstFirst()
    {
        var (_, batchId) = await ArrangeAsync(failingReleaseGate: false);

        var cut = Render<BatchDetailPage>(ps => ps.Add(p => p.BatchId, batchId));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=batch-gate-row]")));
        var row = cut.Find("[data-testid=batch-gate-row]");
        Assert.Equal("Failed", row.GetAttribute("data-status"));
        Assert.Contains("Rows 30 ≥ threshold 10", row.TextContent);
    }

    [Fact]
    public async Task Portfolio_ShowsTheLastBatchsHealthAndOpenAlerts()
    {
        await ArrangeAsync(failingReleaseGate: false);

        var cut = Render<PortfolioPage>();

        cut.WaitForAssertion(() => Assert.Equal("Failed", cut.Find("[data-testid=product-card] [data-testid=gate-status]").GetAttribute("data-status")));
        Assert.Contains("1", cut.Find("[data-testid=product-open-alerts]").TextContent);
    }
}
