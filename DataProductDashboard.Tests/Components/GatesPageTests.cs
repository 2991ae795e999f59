using Bunit;
using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Components.Charts;
using DataProductDashboard.Components.Pages.Gates;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor.Traces;

namespace DataProductDashboard.Tests.Components;

public sealed class GatesPageTests : BunitTestContext
{
    private async Task<int> ArrangeAsync()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        return await GatesUiData.CreateProductAsync(Services);
    }

    private IRenderedComponent<GatesPage> RenderPage(int productId, string query = "")
    {
        Service<NavigationManager>().NavigateTo($"/products/{productId}/gates{query}");
        return Render<GatesPage>(ps => ps.Add(p => p.ProductId, productId));
    }

    private static AngleSharp.Dom.IElement RowOf(IRenderedComponent<GatesPage> cut, int ruleId) =>
        cut.Find($"[data-testid=gate-row][data-rule-id='{ruleId}']").ParentElement!;

    [Fact]
    public async Task Render_RulesWithOutcomes_ListsEachRuleInItsScopeWithItsLastOutcome()
    {
        var productId = await ArrangeAsync();
        var passing = await GatesUiData.CreateRuleAsync(Services, productId, GatesUiData.Rows(GateCondition.Gte, 5));
        var failing = await GatesUiData.CreateRuleAsync(Services, productId, GatesUiData.Rows(GateCondition.Gt, 100) with { Name = "Big enough batches" });
        var release = await GatesUiData.CreateRuleAsync(Services, productId,
            new GateRuleInput(GateScope.Release, MetricCatalog.HoldoutPrefix + "mae", null, GateCondition.RelativeToChampion, 0, GateSeverity.Critical, Bound: RelativeBound.NotAbove));
        await GatesUiData.ImportBatchAsync(Services, productId, 0);

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=gate-row]").Count));
        Assert.Equal([passing.Id.ToString(), failing.Id.ToString()],
            cut.FindAll("[data-testid=gate-table-batch] [data-testid=gate-row]").Select(r => r.GetAttribute("data-rule-id")));
        Assert.Equal(release.Id.ToString(), cut.Find("[data-testid=gate-table-release] [data-testid=gate-row]").GetAttribute("data-rule-id"));

        Assert.Equal("Passed", RowOf(cut, passing.Id).QuerySelector("[data-testid=gate-status]")!.GetAttribute("data-status"));
        var failed = RowOf(cut, failing.Id).QuerySelector("[data-testid=gate-status]")!;
        Assert.Equal("Failed", failed.GetAttribute("data-status"));
        Assert.Equal("Rows 10 ≤ threshold 100", failed.GetAttribute("data-description"));
        Assert.Contains("Big enough batches", RowOf(cut, failing.Id).TextContent);
        Assert.Contains("Rows > 100", RowOf(cut, failing.Id).TextContent);
        Assert.Equal("> 100", RowOf(cut, failing.Id).QuerySelector("[data-testid=gate-condition]")!.TextContent.Trim());
        Assert.Equal("none", RowOf(cut, release.Id).QuerySelector("[data-testid=gate-status]")!.GetAttribute("data-status"));
        Assert.Equal("≤ champion", RowOf(cut, release.Id).QuerySelector("[data-testid=gate-condition]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Render_NoRules_ShowsEmptyStatePointingToTheProposals()
    {
        var productId = await ArrangeAsync();
        await GatesUiData.ImportBatchAsync(Services, productId, 0);

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=gates-empty]")));
        Assert.Contains("proposed gates", cut.Find("[data-testid=gates-empty-proposals]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=gates-add]"));
    }

    [Fact]
    public async Task LiveRefresh_RuleCreatedElsewhere_AppearsWithoutReload()
    {
        var productId = await ArrangeAsync();
        var cut = RenderPage(productId);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=gates-empty]")));

        var rule = await GatesUiData.CreateRuleAsync(Services, productId, GatesUiData.Rows(GateCondition.Gte, 5));

        cut.WaitForAssertion(() => Assert.Equal(rule.Id.ToString(), cut.Find("[data-testid=gate-row]").GetAttribute("data-rule-id")));
    }

    [Fact]
    public async Task Render_UnknownProduct_ShowsNotFound()
    {
        UseData(await UiTestData.CreateEmptyAsync());

        var cut = RenderPage(4242);

        cut.WaitForAssertion(() => Assert.Contains("4242 was not found", cut.Find("[data-testid=not-found]").TextContent));
    }

    [Fact]
    public async Task AddProposal_CreatesTheRule_WhichTheRulesTabThenLists()
    {
        var productId = await ArrangeAsync();
        await GatesUiData.ImportBatchAsync(Services, productId, 0);
        var gates = Service<GateService>();
        var proposals = await gates.GetProposalsAsync(productId, CancellationToken.None);

        var cut = RenderPage(productId, "?tab=proposals");
        cut.WaitForAssertion(() => Assert.Equal(proposals.Count, cut.FindAll("[data-testid=proposal]").Count));
        var first = cut.Find("[data-testid=proposal]");
        var text = first.QuerySelector("[data-testid=proposal-text]")!.TextContent;
        first.QuerySelector("[data-testid=proposal-add]")!.Click();

        cut.WaitForAssertion(() => Assert.Equal(proposals.Count - 1, cut.FindAll("[data-testid=proposal]").Count));
        var rule = Assert.Single(await gates.ListAsync(productId, null, CancellationToken.None));
        Assert.Equal(text, rule.Text);

        Service<NavigationManager>().NavigateTo($"/products/{productId}/gates");
        cut.WaitForAssertion(() => Assert.Equal(rule.Id.ToString(), cut.Find("[data-testid=gate-row]").GetAttribute("data-rule-id")));
        Assert.Contains(text, cut.Find("[data-testid=gate-row]").TextContent);
    }

    [Fact]
    public async Task AddAll_CreatesEveryProposal()
    {
        var productId = await ArrangeAsync();
        await GatesUiData.ImportBatchAsync(Services, productId, 0);
        var expected = (await Service<GateService>().GetProposalsAsync(productId, CancellationToken.None)).Count;

        var cut = RenderPage(productId, "?tab=proposals");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=proposal-add-all]")));
        cut.Find("[data-testid=proposal-add-all]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=proposals-empty]")));
        Assert.Equal(expected, (await Service<GateService>().ListAsync(productId, null, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ToggleEnabled_DisablesTheRuleThroughTheService()
    {
        var productId = await ArrangeAsync();
        var rule = await GatesUiData.CreateRuleAsync(Services, productId, GatesUiData.Rows(GateCondition.Gte, 5));

        var cut = RenderPage(productId);
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=gate-row]").GetAttribute("data-enabled")));
        RowOf(cut, rule.Id).QuerySelector("[data-testid=gate-enabled] input, input[data-testid=gate-enabled]")!.Change(false);

        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find("[data-testid=gate-row]").GetAttribute("data-enabled")));
        var stored = await Service<GateService>().GetAsync(productId, rule.Id, CancellationToken.None);
        Assert.False(stored.Enabled);
        Assert.Equal("Rows ≥ 5", stored.Name);
    }

    [Fact]
    public async Task Delete_Confirmed_RemovesTheRuleAndTheTrailRecordsIt()
    {
        var productId = await ArrangeAsync();
        var rule = await GatesUiData.CreateRuleAsync(Services, productId, GatesUiData.Rows(GateCondition.Gte, 5));

        var cut = RenderPage(productId);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=gate-delete]")));
        cut.Find("[data-testid=gate-delete]").Click();
        DialogProvider.WaitForAssertion(() => Assert.Contains("Delete this gate?", DialogProvider.Markup));
        DialogProvider.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=gates-empty]")));
        Assert.Empty(await Service<GateService>().ListAsync(productId, null, CancellationToken.None));
        var trail = await Service<AuditTrail>().ListAsync(productId, 10, CancellationToken.None);
        Assert.Equal([TrailAction.GateDeleted, TrailAction.GateCreated, TrailAction.ModelTrained], trail.Select(t => t.Action));
        Assert.Contains(rule.Text, trail[0].Before);
    }

    [Fact]
    public async Task History_StatusFilterInTheQuery_TableShowsOnlyThatStatusAndTheChartEveryRule()
    {
        var productId = await ArrangeAsync();
        var passing = await GatesUiData.CreateRuleAsync(Services, productId, GatesUiData.Rows(GateCondition.Gte, 5));
        var failing = await GatesUiData.CreateRuleAsync(Services, productId, GatesUiData.Rows(GateCondition.Gt, 100));
        await GatesUiData.ImportBatchAsync(Services, productId, 0);
        await GatesUiData.ImportBatchAsync(Services, productId, 1);

        var cut = RenderPage(productId, "?tab=history&status=Failed");

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=evaluation-row]").Count));
        Assert.All(cut.FindAll("[data-testid=evaluation-row]"), r =>
        {
            Assert.Equal("Failed", r.GetAttribute("data-status"));
            Assert.Equal(failing.Id.ToString(), r.GetAttribute("data-rule-id"));
        });
        var chart = cut.FindComponents<GateHistoryChart>().Single(c => c.Instance.Id == "gate-outcomes-chart");
        Assert.False(chart.Instance.Figure.IsEmpty);
        var traces = chart.Instance.Figure.Data.Cast<Scatter>().ToList();
        Assert.Equal(["Passed", "Failed"], traces.Select(t => t.Name));
        Assert.Equal(["Rows ≥ 5", "Rows ≥ 5"], traces[0].Y.Cast<string>());
        Assert.Equal(["Rows > 100", "Rows > 100"], traces[1].Y.Cast<string>());
        Assert.Empty(cut.FindAll("[data-testid=chart-gate-values]"));
        _ = passing;
    }

    [Fact]
    public async Task History_RuleAndTimeFiltersInTheQuery_ShowThatRulesValuesWithItsThreshold()
    {
        var productId = await ArrangeAsync();
        await GatesUiData.CreateRuleAsync(Services, productId, GatesUiData.Rows(GateCondition.Gte, 5));
        var failing = await GatesUiData.CreateRuleAsync(Services, productId, GatesUiData.Rows(GateCondition.Gt, 100));
        await GatesUiData.ImportBatchAsync(Services, productId, 0);
        await GatesUiData.ImportBatchAsync(Services, productId, 1, rows: 12);
        var from = GatesUiData.FirstBatchAt.AddDays(7).ToString("yyyy-MM-dd");

        var cut = RenderPage(productId, $"?tab=history&rule={failing.Id}&from={from}");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=evaluation-row]")));
        Assert.Contains("Rows 12 ≤ threshold 100", cut.Find("[data-testid=evaluation-row]").ParentElement!.TextContent);
        Assert.Contains("Clear filters", cut.Find("[data-testid=history-clear]").TextContent);
        var values = cut.FindComponents<GateHistoryChart>().Single(c => c.Instance.Id == "gate-values-chart").Instance.Figure;
        Assert.False(values.IsEmpty);
        Assert.Equal(100.0, Assert.Single(values.Layout.Shapes).Y0);
        Assert.Equal(new object[] { 12.0 }, values.Data.Cast<Scatter>().Single(t => t.Name == "Failed").Y);
    }

    [Fact]
    public async Task History_NoOutcomesYet_ShowsTheEmptyState()
    {
        var productId = await ArrangeAsync();
        await GatesUiData.ImportBatchAsync(Services, productId, 0);
        await GatesUiData.CreateRuleAsync(Services, productId, GatesUiData.Rows(GateCondition.Gte, 5));

        var cut = RenderPage(productId, "?tab=history");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=history-empty]")));
        Assert.Empty(cut.FindComponents<GateHistoryChart>());
    }

    [Fact]
    public async Task Trail_ListsGateEditsWithBeforeAndAfter()
    {
        var productId = await ArrangeAsync();
        var rule = await GatesUiData.CreateRuleAsync(Services, productId, GatesUiData.Rows(GateCondition.Gte, 5));
        await Service<GateService>().UpdateAsync(productId, rule.Id, GatesUiData.Rows(GateCondition.Gte, 8), GatesUiData.Tester, CancellationToken.None);

        var cut = RenderPage(productId, "?tab=trail");

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=trail-row]").Count));
        // Newest first; the model version trained when the product was arranged is the oldest entry.
        Assert.Equal(["GateUpdated", "GateCreated", "ModelTrained"], cut.FindAll("[data-testid=trail-row]").Select(r => r.GetAttribute("data-action")));
        var change = cut.FindAll("[data-testid=trail-change]")[0].TextContent;
        Assert.Contains("Rows ≥ 5", change);
        Assert.Contains("→", change);
        Assert.Contains("Rows ≥ 8", change);
        Assert.Contains(GatesUiData.Tester.Name, cut.FindAll("[data-testid=trail-row]")[0].ParentElement!.TextContent);
    }

    [Fact]
    public async Task Cadence_Saved_IsStoredAndShown()
    {
        var productId = await ArrangeAsync();
        await Service<GateService>().SetExpectedCadenceAsync(productId, 24, GatesUiData.Tester, CancellationToken.None);

        var cut = RenderPage(productId);
        cut.WaitForAssertion(() => Assert.Equal("24", Input(cut).GetAttribute("value")));
        Input(cut).Change("168");
        cut.Find("[data-testid=cadence-save]").Click();

        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-testid=cadence-save]").HasAttribute("disabled")));
        Assert.Equal(168, await Service<GateService>().GetExpectedCadenceAsync(productId, CancellationToken.None));
        var entry = (await Service<AuditTrail>().ListAsync(productId, 1, CancellationToken.None))[0];
        Assert.Equal((TrailAction.CadenceChanged, "every 24 h", "every 168 h"), (entry.Action, entry.Before, entry.After));

        static AngleSharp.Dom.IElement Input(IRenderedComponent<GatesPage> cut) =>
            cut.Find("[data-testid=cadence-control] input");
    }

    [Fact]
    public async Task Render_Viewer_ShowsRulesReadOnlyWithTheHint()
    {
        var productId = await ArrangeAsync();
        var rule = await GatesUiData.CreateRuleAsync(Services, productId, GatesUiData.Rows(GateCondition.Gte, 5));
        SignInAs("viewer", DashboardRoles.Viewer);

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=gate-row]")));
        AssertAbsent(cut,
            "[data-testid=gates-add]", "[data-testid=cadence-control]", "[data-testid=gate-enabled]", "[data-testid=gate-edit]", "[data-testid=gate-delete]");
        Assert.Equal("On", RowOf(cut, rule.Id).QuerySelector("[data-testid=gate-enabled-text]")!.TextContent.Trim());
        AssertPresent(cut, "[data-testid=gate-history]", "[data-testid=export-gates-batch]");
        Assert.Equal("No expected batch cadence", cut.Find("[data-testid=cadence-text]").TextContent.Trim());
        Assert.Equal("Needs Product manager", cut.Find("[data-testid=role-hint]").TextContent.Trim());
    }

    [Fact]
    public async Task Render_DataScientistOnProposals_SeesThemWithoutAddOrTune()
    {
        var productId = await ArrangeAsync();
        await GatesUiData.ImportBatchAsync(Services, productId, 0);
        SignInAs("ds", DashboardRoles.DataScientist);

        var cut = RenderPage(productId, "?tab=proposals");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=proposal]")));
        AssertAbsent(cut, "[data-testid=proposal-add]", "[data-testid=proposal-customize]", "[data-testid=proposal-add-all]", "[data-testid=gates-add]");
        Assert.Contains("A product manager adopts them", cut.Markup);
    }

    [Fact]
    public async Task Render_ViewerWithoutRules_EmptyStateSaysWhoSetsThem()
    {
        var productId = await ArrangeAsync();
        await GatesUiData.ImportBatchAsync(Services, productId, 0);
        SignInAs("viewer", DashboardRoles.Viewer);

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.Contains("a product manager sets the gates", cut.Find("[data-testid=gates-empty-reader]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=gates-empty-proposals]"));
    }

    [Fact]
    public async Task Render_ProductManager_SeesEveryGateControl()
    {
        var productId = await ArrangeAsync();
        await GatesUiData.CreateRuleAsync(Services, productId, GatesUiData.Rows(GateCondition.Gte, 5));
        await GatesUiData.ImportBatchAsync(Services, productId, 0);
        SignInAs("pm", DashboardRoles.ProductManager);

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=gate-row]")));
        AssertPresent(cut,
            "[data-testid=gates-add]", "[data-testid=cadence-control]", "[data-testid=gate-enabled]", "[data-testid=gate-edit]", "[data-testid=gate-delete]");
        Assert.Empty(cut.FindAll("[data-testid=role-hint]"));
    }
}
