using System.Globalization;
using Bunit;
using DataProductDashboard.Components.Pages.Experiments;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Tests.TestSupport;
using DataProductDashboard.ViewModels.Experiments;
using Microsoft.AspNetCore.Components;

namespace DataProductDashboard.Tests.Components;

public sealed class ExperimentsPageTests : BunitTestContext
{
    private async Task<int> ArrangeAsync(bool withChallenger = true)
    {
        UseData(await UiTestData.CreateEmptyAsync());
        return await ExperimentsUiData.CreateProductAsync(Services, withChallenger);
    }

    private IRenderedComponent<ExperimentsPage> RenderPage(int productId, string query = "")
    {
        Service<NavigationManager>().NavigateTo($"/products/{productId}/experiments{query}");
        return Render<ExperimentsPage>(ps => ps.Add(p => p.ProductId, productId));
    }

    [Fact]
    public async Task Render_RunningExperimentWithLabelledBatches_ShowsArmsComparisonProgressAndChart()
    {
        var productId = await ArrangeAsync();
        var started = await ExperimentsUiData.StartAsync(Services, productId);
        await ExperimentsUiData.ImportAsync(Services, productId, 300, seed: 40);
        var summary = await Service<ExperimentService>().GetAsync(started.Id, CancellationToken.None);

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=comparison-row]").Count));
        Assert.Equal(["perf.accuracy", "prediction.positive_share"], cut.FindAll("[data-testid=comparison-row]").Select(r => r.GetAttribute("data-metric")));
        Assert.NotNull(cut.Find("[data-testid=comparison-row][data-metric='perf.accuracy'] [data-testid=comparison-primary]"));
        var primary = summary.Primary!;
        var row = cut.Find("[data-testid=comparison-row][data-metric='perf.accuracy']").ParentElement!;
        Assert.Equal(ExperimentDisplay.PValue(primary.PValue), row.QuerySelector("[data-testid=comparison-p]")!.TextContent.Trim());
        Assert.Equal(ExperimentDisplay.PValue(primary.AdjustedPValue), row.QuerySelector("[data-testid=comparison-holm]")!.TextContent.Trim());
        Assert.Equal(ExperimentDisplay.Difference(primary.Difference, primary.Kind), row.QuerySelector("[data-testid=comparison-difference]")!.TextContent.Trim());
        Assert.Contains("pts", row.QuerySelector("[data-testid=comparison-ci]")!.TextContent);
        Assert.Equal(primary.Significant ? "true" : "false", cut.Find("[data-testid=comparison-row][data-metric='perf.accuracy']").GetAttribute("data-significant"));
        Assert.Contains($"{summary.ChampionRows:N0} rows", cut.Find("[data-testid=stat-arm-champion]").TextContent);
        Assert.Contains($"{summary.ChallengerRows:N0} rows", cut.Find("[data-testid=stat-arm-challenger]").TextContent);
        Assert.Equal(summary.Progress!.Value.ToString("0.####", CultureInfo.InvariantCulture), cut.Find("[data-testid=experiment-progress]").GetAttribute("data-progress"));
        Assert.Contains($"of {summary.Plan!.ChampionNeeded:N0}", cut.Find("[data-testid=experiment-progress-text]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=experiment-srm]"));
        Assert.Equal("false", cut.Find("[data-testid=experiment-srm-status]").GetAttribute("data-mismatch"));
        Assert.Equal("perf.accuracy", cut.Find("[data-testid=experiment-chart]").GetAttribute("data-metric"));
        Assert.Equal("false", cut.Find("[data-testid=experiment-chart]").GetAttribute("data-empty"));
        Assert.Contains("Ship challenger v2", cut.Find("[data-testid=decision-panel]").TextContent);
    }

    [Fact]
    public async Task ClickOnARow_ChartsThatMetric()
    {
        var productId = await ArrangeAsync();
        await ExperimentsUiData.StartAsync(Services, productId);
        await ExperimentsUiData.ImportAsync(Services, productId, 120, seed: 41);
        var cut = RenderPage(productId);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=comparison-row]").Count));

        cut.Find("[data-testid=comparison-row][data-metric='prediction.positive_share']").Click();

        cut.WaitForAssertion(() => Assert.Equal("prediction.positive_share", cut.Find("[data-testid=experiment-chart]").GetAttribute("data-metric")));
    }

    [Fact]
    public async Task Render_SplitFarFromTheShare_ShowsTheSampleRatioMismatchBanner()
    {
        var productId = await ArrangeAsync();
        var started = await ExperimentsUiData.StartAsync(Services, productId);
        await ExperimentsUiData.ImportAsync(Services, productId, 200, seed: 42);
        await ExperimentsUiData.SetShareAsync(Services, started.Id, 0.05);

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=experiment-srm]")));
        Assert.Contains("Sample ratio mismatch", cut.Find("[data-testid=experiment-srm]").TextContent);
        Assert.Contains("5 %", cut.Find("[data-testid=experiment-srm]").TextContent);
        Assert.Equal("true", cut.Find("[data-testid=experiment-srm-status]").GetAttribute("data-mismatch"));
        Assert.Contains("fix the assignment", cut.Find("[data-testid=decision-recommendation]").TextContent);
    }

    [Fact]
    public async Task Render_NoExperimentYet_ShowsTheEmptyStateWithTheStartAction()
    {
        var productId = await ArrangeAsync();

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=experiments-empty]")));
        Assert.NotNull(cut.Find("[data-testid=experiments-empty-start]"));
        Assert.False(cut.Find("[data-testid=experiment-new]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Render_NoSecondVersion_ExplainsWhyAndDisablesNewExperiment()
    {
        var productId = await ArrangeAsync(withChallenger: false);

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=experiments-empty-reason]")));
        Assert.Contains("needs a second model version", cut.Find("[data-testid=experiments-empty-reason]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=experiments-empty-start]"));
        Assert.True(cut.Find("[data-testid=experiment-new]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Query_ExperimentId_SelectsThatExperimentAndTheListPutsRunningFirst()
    {
        var productId = await ArrangeAsync();
        var first = await ExperimentsUiData.StartAsync(Services, productId, name: "First look");
        await Service<ExperimentService>().DecideAsync(first.Id, ExperimentDecision.KeepChampion, "No gain", ExperimentsUiData.Tester, CancellationToken.None);
        var second = await ExperimentsUiData.StartAsync(Services, productId, 0.3, "Second look");

        var cut = RenderPage(productId, $"?experiment={first.Id}");

        cut.WaitForAssertion(() => Assert.Equal(first.Id.ToString(CultureInfo.InvariantCulture), cut.Find("[data-testid=experiment-detail]").GetAttribute("data-id")));
        Assert.Equal([second.Id.ToString(CultureInfo.InvariantCulture), first.Id.ToString(CultureInfo.InvariantCulture)],
            cut.FindAll("[data-testid=experiment-item]").Select(i => i.GetAttribute("data-id")));
        Assert.Contains("Champion kept by experiment.tester", cut.Find("[data-testid=decision-recorded]").TextContent);
        Assert.Contains("No gain", cut.Find("[data-testid=decision-recorded]").TextContent);
        Assert.Contains("Nothing to compare yet", cut.Find("[data-testid=comparison-empty]").TextContent);
    }

    [Fact]
    public async Task Render_StoppedByAPromotionOutsideTheTest_SaysStoppedWithoutADecisionAndWhy()
    {
        var productId = await ArrangeAsync();
        await ExperimentsUiData.StartAsync(Services, productId);
        await Service<DataProductDashboard.Services.Releases.ReleaseService>().PromoteAsync(productId, 2, ExperimentsUiData.Tester, CancellationToken.None);

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.Contains("Stopped", cut.Find("[data-testid=decision-recorded]").TextContent));
        var text = cut.Find("[data-testid=decision-recorded]").TextContent;
        Assert.Contains("without a decision: Stopped automatically: version 2 became the champion", text);
        Assert.DoesNotContain("No decision yet by", text);
    }

    [Fact]
    public async Task Decide_KeepChampionWithAReason_StopsAndShowsTheRecordedDecision()
    {
        var productId = await ArrangeAsync();
        await ExperimentsUiData.StartAsync(Services, productId);
        var cut = RenderPage(productId);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=decision-panel]")));

        cut.Find("input[data-testid=decision-keep-champion]").Click();
        cut.Find("textarea[data-testid=decision-reason]").Input("The challenger is slower and not better");
        cut.Find("[data-testid=decision-submit]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Champion kept by product.manager", cut.Find("[data-testid=decision-recorded]").TextContent));
        Assert.Equal("Stopped", cut.Find("[data-testid=experiment-item]").GetAttribute("data-status"));
    }

    [Fact]
    public async Task Decide_WithoutAReason_ShowsTheErrorUnderTheField()
    {
        var productId = await ArrangeAsync();
        var started = await ExperimentsUiData.StartAsync(Services, productId);
        var cut = RenderPage(productId);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=decision-panel]")));

        cut.Find("[data-testid=decision-submit]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Say why", cut.Find("[data-testid=decision-panel]").TextContent));
        Assert.Equal(ExperimentStatus.Running, (await Service<ExperimentService>().GetAsync(started.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Decide_ShipBlockedByAReleaseGate_ShowsTheGateOutcomeAndTheRefusal()
    {
        var productId = await ArrangeAsync();
        await ExperimentsUiData.StartAsync(Services, productId);
        await Service<GateService>().CreateAsync(productId, new GateRuleInput(GateScope.Release, "holdout.accuracy", null, GateCondition.Gt, 1.5, GateSeverity.Critical,
            Name: "Impossible accuracy"), ExperimentsUiData.Tester, CancellationToken.None);
        var cut = RenderPage(productId);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=decision-panel]")));

        cut.Find("input[data-testid=decision-ship]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Failed", cut.Find("[data-testid=release-outcome]").GetAttribute("data-status")));
        cut.Find("textarea[data-testid=decision-reason]").Input("Ship it");
        cut.Find("[data-testid=decision-submit]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Impossible accuracy", cut.Find("[data-testid=decision-refused]").TextContent));
        Assert.Equal(1, (await Service<ProductService>().GetAsync(productId, CancellationToken.None)).ChampionVersion);
        Assert.Equal("Running", cut.Find("[data-testid=experiment-item]").GetAttribute("data-status"));
    }

    [Fact]
    public async Task LiveRefresh_BatchSplitAfterRender_UpdatesTheRowsWithoutReload()
    {
        var productId = await ArrangeAsync();
        await ExperimentsUiData.StartAsync(Services, productId);
        var cut = RenderPage(productId);
        cut.WaitForAssertion(() => Assert.Contains("0 rows", cut.Find("[data-testid=stat-arm-champion]").TextContent));

        await ExperimentsUiData.ImportAsync(Services, productId, 100, seed: 43);

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=comparison-row]").Count));
        Assert.DoesNotContain(" 0 rows", cut.Find("[data-testid=stat-arm-champion]").TextContent);
    }

    [Fact]
    public async Task Render_ViewerWithRunningExperiment_SeesTheRecommendationAndTheHintButNoDecision()
    {
        var productId = await ArrangeAsync();
        await ExperimentsUiData.StartAsync(Services, productId);
        SignInAs("viewer", DashboardRoles.Viewer);

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=decision-recommendation]")));
        AssertAbsent(cut, "[data-testid=decision-submit]", "[data-testid=decision-choice]", "[data-testid=experiment-new]");
        Assert.Equal("Needs Product manager", cut.Find("[data-testid=decision-panel] [data-testid=role-hint]").TextContent.Trim());
        Assert.Contains("Needs Product manager or Data scientist", cut.FindAll("[data-testid=role-hint]").Select(e => e.TextContent.Trim()));
    }

    [Fact]
    public async Task Render_DataScientistWithRunningExperiment_SeesNewExperimentButNoDecision()
    {
        var productId = await ArrangeAsync();
        await ExperimentsUiData.StartAsync(Services, productId);
        SignInAs("ds", DashboardRoles.DataScientist);

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=decision-recommendation]")));
        Assert.NotNull(cut.Find("[data-testid=experiment-new]"));
        Assert.Empty(cut.FindAll("[data-testid=decision-submit]"));
    }

    [Fact]
    public async Task Render_ViewerWithoutExperiments_EmptyStateSaysWhoStartsThem()
    {
        var productId = await ArrangeAsync();
        SignInAs("viewer", DashboardRoles.Viewer);

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=experiments-empty-reader]")));
        Assert.Empty(cut.FindAll("[data-testid=experiments-empty-start]"));
    }
}
