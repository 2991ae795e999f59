using Bunit;
using DataProductDashboard.Components.Charts;
using DataProductDashboard.Components.Pages.Audit;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components.Forms;

namespace DataProductDashboard.Tests.Components;

public sealed class BehaviorPageTests : BunitTestContext
{
    [Fact]
    public async Task Render_SeededProduct_ShowsConceptDriftAndBehaviorCharts()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<BehaviorPage>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=performance-summary]")));
        Assert.Equal("InsufficientData", cut.Find("[data-testid=concept-verdict-batch]").GetAttribute("data-verdict"));
        Assert.Contains("Too few labelled rows", cut.Find("[data-testid=behavior-reason]").TextContent);
        Assert.Contains("MAE", cut.Find("[data-testid=performance-metrics]").TextContent);
        Assert.Contains($"#{data.OldBatchId}", cut.Find("[data-testid=concept-drift]").TextContent);
        var charts = cut.FindComponents<TimeSeriesChart>().ToDictionary(c => c.Instance.Id, c => c.Instance.Figure);
        Assert.Equal(["performance-chart", "prediction-chart", "latency-chart", "running-time-chart"], charts.Keys);
        Assert.All(charts.Values, f => Assert.False(f.IsEmpty));
        Assert.Contains(charts["performance-chart"].Layout.Shapes, s => s.XRef == "paper"); // hold-out line
        Assert.Equal(["p50", "p95", "p99"], charts["latency-chart"].Data.Cast<Plotly.Blazor.Traces.Scatter>().Select(t => t.Name));
        Assert.False(cut.Find("#upload-labels-button").HasAttribute("disabled"));
    }

    [Fact]
    public async Task UploadLabels_UnknownRowKeys_ShowsKeyedErrorsInTheDialog()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        var cut = Render<BehaviorPage>(ps => ps.Add(p => p.ProductId, data.RentalsId));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#upload-labels-button")));

        cut.Find("#upload-labels-button").Click();
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=upload-labels-dialog]")));
        Assert.Contains("id, cnt", DialogProvider.Find("[data-testid=labels-expected-columns]").TextContent);
        Assert.True(DialogProvider.Find("#upload-labels-submit").HasAttribute("disabled"));
        Assert.NotNull(DialogProvider.Find(".mud-dialog input[type=file]"));
        DialogProvider.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("id,cnt\nnope-1,5\nnope-2,6\n", "labels.csv"));
        DialogProvider.WaitForAssertion(() => Assert.Contains("labels.csv", DialogProvider.Find("[data-testid=labels-file-name]").TextContent));
        DialogProvider.Find("#upload-labels-submit").Click();

        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=dialog-error]")));
        Assert.Contains("nope-1", DialogProvider.Find("[data-testid=dialog-error]").TextContent);
        Assert.Empty(DialogProvider.FindAll("[data-testid=labels-result]"));
    }

    [Fact]
    public async Task Render_ProductWithoutBatches_ShowsEmptyStateAndDisablesUpload()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<BehaviorPage>(ps => ps.Add(p => p.ProductId, data.EmptyProductId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=audit-empty-batches]")));
        Assert.True(cut.Find("#upload-labels-button").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Render_Viewer_ShowsHintInsteadOfUploadLabels()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        SignInAs("viewer", DashboardRoles.Viewer);

        var cut = Render<BehaviorPage>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=concept-drift]")));
        Assert.Empty(cut.FindAll("#upload-labels-button"));
        Assert.Equal("Needs Data scientist", cut.Find("[data-testid=role-hint]").TextContent.Trim());
    }

    [Fact]
    public async Task Render_DataScientist_SeesUploadLabels()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        SignInAs("ds", DashboardRoles.DataScientist);

        var cut = Render<BehaviorPage>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#upload-labels-button")));
        Assert.Empty(cut.FindAll("[data-testid=role-hint]"));
    }

    [Fact]
    public async Task Render_ProductWithSegments_DrawsOneLinePerValueOfTheChosenAttribute()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var (productId, _) = await FairnessUiData.CreateAsync(Services);
        Service<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/products/{productId}/behavior?column=region");

        var cut = Render<BehaviorPage>(ps => ps.Add(p => p.ProductId, productId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=segments-card]")));
        var charts = cut.FindComponents<TimeSeriesChart>().ToDictionary(c => c.Instance.Id, c => c.Instance.Figure);
        Assert.Equal(["east", "north", "south"], charts["segment-performance-chart"].Data.Cast<Plotly.Blazor.Traces.Scatter>().Select(t => t.Name));
        Assert.Equal(["east", "north", "south"], charts["segment-prediction-chart"].Data.Cast<Plotly.Blazor.Traces.Scatter>().Select(t => t.Name));
        Assert.All(charts["segment-performance-chart"].Data.Cast<Plotly.Blazor.Traces.Scatter>(), t => Assert.Equal(2, t.X!.Count));
    }

    [Fact]
    public async Task Render_LabelledBatchesWithEstimates_DrawsTheEstimateAndItsBandBesideTheMeasuredInterval()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var (productId, _) = await FairnessUiData.CreateAsync(Services);

        var cut = Render<BehaviorPage>(ps => ps.Add(p => p.ProductId, productId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=estimate-check]")));
        var figure = cut.FindComponents<TimeSeriesChart>().Single(c => c.Instance.Id == "performance-chart").Instance.Figure;
        var names = figure.Data.Cast<Plotly.Blazor.Traces.Scatter>().Select(t => t.Name).ToList();
        Assert.Equal(["95 % CI (high)", "95 % CI", "estimate ± 3 SE (high)", "estimate ± 3 SE"], names.Take(4));
        Assert.Contains("Estimated accuracy (before labels)", names);
        Assert.Contains("Estimated before labels on 2 labelled batches", cut.Find("[data-testid=estimate-check]").TextContent);
    }

    [Fact]
    public async Task Render_ProductWithoutSegments_HasNoSegmentCard()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<BehaviorPage>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=performance-summary]")));
        Assert.Empty(cut.FindAll("[data-testid=segments-card]"));
    }

    [Fact]
    public async Task FindWeakSegments_LabelledBatches_ShowsTheSearchedRows()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var (productId, _) = await FairnessUiData.CreateAsync(Services);
        var cut = Render<BehaviorPage>(ps => ps.Add(p => p.ProductId, productId));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=weak-segments-find]")));

        cut.Find("[data-testid=weak-segments-find]").Click();

        cut.WaitForAssertion(() => Assert.Contains("v1 on 300 labelled rows of 2 batches", cut.Find("[data-testid=weak-segments-summary]").TextContent));
    }
}
