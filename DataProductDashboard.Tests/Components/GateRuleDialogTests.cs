using Bunit;
using DataProductDashboard.Analysis;
using DataProductDashboard.Components.Dialogs;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Tests.TestSupport;
using MudBlazor;

namespace DataProductDashboard.Tests.Components;

public sealed class GateRuleDialogTests : BunitTestContext
{
    private async Task<int> ArrangeAsync(int batches)
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var productId = await GatesUiData.CreateProductAsync(Services);
        for (var i = 0; i < batches; i++)
            await GatesUiData.ImportBatchAsync(Services, productId, i);
        return productId;
    }

    private async Task<IDialogReference> OpenAsync(int productId, GateRuleInput? initial = null, GateRuleView? rule = null)
    {
        var dialog = await DialogProvider.InvokeAsync(() => Service<IDialogService>().ShowAsync<GateRuleDialog>("Gate", new DialogParameters<GateRuleDialog>
        {
            { d => d.ProductId, productId },
            { d => d.Initial, initial },
            { d => d.Rule, rule },
        }));
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=gate-dialog-threshold]")));
        return dialog;
    }

    /// <summary>Opens a select of the dialog and clicks the option with this value attribute (or text).</summary>
    private void Choose(string selectTestId, Func<AngleSharp.Dom.IElement, bool> option)
    {
        DialogProvider.Find($"[data-testid={selectTestId}]").Closest(".mud-input-control")!.MouseDown();
        PopoverProvider.WaitForAssertion(() => Assert.Contains(PopoverProvider.FindAll(".mud-popover-open .mud-list-item"), e => option(e)));
        PopoverProvider.FindAll(".mud-popover-open .mud-list-item").First(option).Click();
    }

    private void ChooseMetric(string metricId)
    {
        DialogProvider.Find("[data-testid=gate-dialog-metric] .mud-input-control").MouseDown();
        PopoverProvider.WaitForAssertion(() => Assert.NotEmpty(PopoverProvider.FindAll("[data-testid=gate-metric-option]")));
        PopoverProvider.Find($"[data-testid=gate-metric-option][data-metric-id='{metricId}']").Click();
    }

    [Fact]
    public async Task OpenMetricList_OffersTheProductsMetricsGroupedByFamilyWithTheirCurrentValues()
    {
        var productId = await ArrangeAsync(batches: 1);
        await OpenAsync(productId);

        DialogProvider.Find("[data-testid=gate-dialog-metric] .mud-input-control").MouseDown();

        PopoverProvider.WaitForAssertion(() => Assert.NotEmpty(PopoverProvider.FindAll("[data-testid=gate-metric-option]")));
        var options = PopoverProvider.FindAll("[data-testid=gate-metric-option]").ToDictionary(o => o.GetAttribute("data-metric-id")!);
        Assert.Equal("10 rows", options[MetricKeys.Rows].QuerySelector("[data-testid=gate-metric-value]")!.TextContent.Trim());
        Assert.Contains("Missing share of 'temp'", options[$"{AuditPoints.ColumnMissingShare}|temp"].TextContent);
        Assert.Equal("0.000", options[$"{AuditPoints.ColumnMissingShare}|temp"].QuerySelector("[data-testid=gate-metric-value]")!.TextContent.Trim());
        Assert.Equal("no value yet", options["perf.mae"].QuerySelector("[data-testid=gate-metric-value]")!.TextContent.Trim());
        Assert.DoesNotContain(options.Keys, k => k.StartsWith("holdout.", StringComparison.Ordinal));
        var groups = PopoverProvider.FindAll("[data-testid=gate-metric-group]").Select(g => g.TextContent.Trim()).ToList();
        Assert.Equal(["Data quality", "Drift", "Model behavior", "Performance (needs labels)"], groups);
        // The select's hidden second rendering of its items must not show the group headings under the field.
        Assert.Empty(DialogProvider.FindAll("[data-testid=gate-metric-group]"));
    }

    [Fact]
    public async Task ChooseMetric_ShowsItsExplanationAndCurrentValue()
    {
        var productId = await ArrangeAsync(batches: 1);
        await OpenAsync(productId);

        ChooseMetric(MetricKeys.Rows);

        DialogProvider.WaitForAssertion(() => Assert.Contains("Rows in the batch.", DialogProvider.Find("[data-testid=gate-dialog-explanation]").TextContent));
        Assert.Contains("Current value: 10 rows", DialogProvider.Find("[data-testid=gate-dialog-current]").TextContent);
    }

    [Fact]
    public async Task BetweenWithLowerAboveUpper_ShowsTheServicesErrorUnderTheUpperBound()
    {
        var productId = await ArrangeAsync(batches: 1);
        await OpenAsync(productId);

        ChooseMetric(MetricKeys.Rows);
        Choose("gate-dialog-condition", o => o.TextContent.Contains("Between"));
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=gate-dialog-upper]")));
        DialogProvider.Find("input[data-testid=gate-dialog-threshold]").Input("5");
        DialogProvider.Find("input[data-testid=gate-dialog-upper]").Input("1");

        DialogProvider.WaitForAssertion(() => Assert.Equal("The lower bound 5.000 is greater than the upper bound 1.000.",
            DialogProvider.Find("[data-testid=gate-error-upperThreshold]").TextContent.Trim()));
        Assert.NotNull(DialogProvider.Find("[data-testid=gate-preview-invalid]"));
        Assert.Empty(DialogProvider.FindAll("[data-testid=gate-error-threshold]"));
    }

    [Fact]
    public async Task CompleteRule_PreviewsItOnTheLastBatchesWithASummary()
    {
        var productId = await ArrangeAsync(batches: 2);
        await OpenAsync(productId, initial: GatesUiData.Rows(GateCondition.Gt, 100));

        DialogProvider.WaitForAssertion(() => Assert.Equal("Would have failed 2 of the last 2 batches.",
            DialogProvider.Find("[data-testid=gate-preview-summary]").TextContent.Trim()));
        var rows = DialogProvider.FindAll("[data-testid=gate-preview-row]");
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("Failed", r.GetAttribute("data-status")));
        Assert.Contains("Rows > 100", DialogProvider.Find("[data-testid=gate-dialog-text]").TextContent);

        DialogProvider.Find("input[data-testid=gate-dialog-threshold]").Input("5");

        DialogProvider.WaitForAssertion(() => Assert.Equal("Would have passed all of the last 2 batches.",
            DialogProvider.Find("[data-testid=gate-preview-summary]").TextContent.Trim()));
        Assert.All(DialogProvider.FindAll("[data-testid=gate-preview-row]"), r => Assert.Equal("Passed", r.GetAttribute("data-status")));
    }

    [Fact]
    public async Task Save_NewRule_CreatesItAndClosesWithIt()
    {
        var productId = await ArrangeAsync(batches: 1);
        var dialog = await OpenAsync(productId, initial: GatesUiData.Rows(GateCondition.Gte, 5) with { Severity = GateSeverity.Warning });

        DialogProvider.Find("input[data-testid=gate-dialog-name]").Input("Batches are not tiny");
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=gate-preview-summary]")));
        DialogProvider.Find("[data-testid=gate-dialog-save]").Click();

        var result = await dialog.Result;
        var saved = Assert.IsType<GateRuleView>(result!.Data);
        Assert.Equal("Batches are not tiny", saved.Name);
        var stored = Assert.Single(await Service<GateService>().ListAsync(productId, null, CancellationToken.None));
        Assert.Equal((GateCondition.Gte, 5.0, GateSeverity.Warning, MetricKeys.Rows), (stored.Condition, stored.Threshold, stored.Severity, stored.MetricKey));
    }

    [Fact]
    public async Task Save_Incomplete_SaysWhatIsMissingUnderTheFields()
    {
        var productId = await ArrangeAsync(batches: 0);
        await OpenAsync(productId);

        DialogProvider.Find("[data-testid=gate-dialog-save]").Click();

        DialogProvider.WaitForAssertion(() => Assert.Equal("Choose a metric.", DialogProvider.Find("[data-testid=gate-error-metricKey]").TextContent.Trim()));
        Assert.Equal("Enter a threshold.", DialogProvider.Find("[data-testid=gate-error-threshold]").TextContent.Trim());
        Assert.NotNull(DialogProvider.Find("[data-testid=gate-dialog]"));
        Assert.Empty(await Service<GateService>().ListAsync(productId, null, CancellationToken.None));
    }

    [Fact]
    public async Task Edit_ExistingRule_IsPrefilledAndSavedThroughUpdate()
    {
        var productId = await ArrangeAsync(batches: 1);
        var rule = await GatesUiData.CreateRuleAsync(Services, productId, GatesUiData.Rows(GateCondition.Gte, 5));
        var dialog = await OpenAsync(productId, rule: rule);

        Assert.Equal("5", DialogProvider.Find("input[data-testid=gate-dialog-threshold]").GetAttribute("value"));
        Assert.Equal("Rows ≥ 5", DialogProvider.Find("input[data-testid=gate-dialog-name]").GetAttribute("placeholder"));
        Assert.True(string.IsNullOrEmpty(DialogProvider.Find("input[data-testid=gate-dialog-name]").GetAttribute("value")));
        DialogProvider.Find("input[data-testid=gate-dialog-threshold]").Input("8");
        DialogProvider.WaitForAssertion(() => Assert.Contains("Rows ≥ 8", DialogProvider.Find("[data-testid=gate-dialog-text]").TextContent));
        DialogProvider.Find("[data-testid=gate-dialog-save]").Click();

        await dialog.Result;
        var stored = await Service<GateService>().GetAsync(productId, rule.Id, CancellationToken.None);
        Assert.Equal(8, stored.Threshold);
        Assert.Equal("Rows ≥ 8", stored.Name);
    }

    [Fact]
    public async Task ReleaseScope_OffersReleaseMetricsAndSaysThereIsNoBatchPreview()
    {
        var productId = await ArrangeAsync(batches: 1);
        await OpenAsync(productId, initial: new GateRuleInput(GateScope.Release, "holdout.mae", null, GateCondition.RelativeToChampion, 0, GateSeverity.Critical,
            Bound: RelativeBound.NotAbove));

        DialogProvider.WaitForAssertion(() => Assert.Contains("Release gates judge a candidate version",
            DialogProvider.Find("[data-testid=gate-preview-summary]").TextContent));
        Assert.NotNull(DialogProvider.Find("[data-testid=gate-dialog-bound]"));
        Assert.Contains("Tolerance (%)", DialogProvider.Markup);
    }

    [Fact]
    public async Task Save_SegmentChosen_StoresTheRuleOnThatSegment()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var product = await Service<DataProductDashboard.Services.Products.ProductService>().CreateAsync(new("Loans", null, null, TaskType.BinaryClassification,
            Api.FairnessApiTests.Schema), CancellationToken.None);
        var dialog = await OpenAsync(product.Id, initial: new GateRuleInput(GateScope.Batch, MetricKeys.PositiveShare, null, GateCondition.Lte, 0.6, GateSeverity.Warning));

        Choose("gate-dialog-segment", e => e.TextContent.Trim() == "sex=female");
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=gate-preview-summary]")));
        DialogProvider.Find("[data-testid=gate-dialog-save]").Click();

        var saved = Assert.IsType<GateRuleView>((await dialog.Result)!.Data);
        Assert.Equal("sex=female", saved.Segment);
        Assert.Contains("in segment 'sex=female'", saved.Text);
    }

    [Fact]
    public async Task Open_DatasetMetric_OffersNoSegment()
    {
        var productId = await ArrangeAsync(batches: 1);
        await OpenAsync(productId, initial: GatesUiData.Rows(GateCondition.Gte, 5));

        Assert.Empty(DialogProvider.FindAll("[data-testid=gate-dialog-segment]"));
    }
}
