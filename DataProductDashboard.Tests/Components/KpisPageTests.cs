using System.Text;
using Bunit;
using DataProductDashboard.Components.Charts;
using DataProductDashboard.Components.Pages.Kpis;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor.Traces;

namespace DataProductDashboard.Tests.Components;

public sealed class KpisPageTests : BunitTestContext
{
    // Weekly revenue: on target ≥ 100, at risk down to 90. The test batches arrive weekly from Monday 2026-03-02.
    private static KpiInput Revenue(string name = "Revenue") => new(name, KpiDirection.HigherIsBetter, 100, 10, KpiPeriod.Week, KpiSource.Uploaded, Unit: "k€");

    private static readonly byte[] ThreeWeeksOff = Encoding.UTF8.GetBytes("period,value\n2026-02-23,120\n2026-03-02,80\n2026-03-09,70\n2026-03-16,60\n");

    private async Task<int> ArrangeAsync()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        return await GatesUiData.CreateProductAsync(Services);
    }

    private IRenderedComponent<KpisPage> RenderPage(int productId, string query = "")
    {
        Service<NavigationManager>().NavigateTo($"/products/{productId}/kpis{query}");
        return Render<KpisPage>(ps => ps.Add(p => p.ProductId, productId));
    }

    private Task<KpiDetail> CreateAsync(int productId, KpiInput input) =>
        Service<KpiService>().CreateAsync(productId, input, GatesUiData.Tester, CancellationToken.None);

    private Task UploadAsync(int productId, int kpiId, byte[] csv) =>
        Service<KpiService>().UploadValuesAsync(productId, kpiId, csv, "values.csv", GatesUiData.Tester, CancellationToken.None);

    [Fact]
    public async Task Render_KpiOffTargetForARun_ShowsStatusClassificationReasonAndEvidenceLink()
    {
        var productId = await ArrangeAsync();
        var batch = await GatesUiData.ImportBatchAsync(Services, productId, 1);   // received 2026-03-09: in the run
        var off = await CreateAsync(productId, Revenue());
        await UploadAsync(productId, off.Definition.Id, ThreeWeeksOff);
        var on = await CreateAsync(productId, Revenue("Visits") with { Target = 50 });
        await UploadAsync(productId, on.Definition.Id, Encoding.UTF8.GetBytes("period,value\n2026-03-16,55\n"));

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=kpi-card]").Count));
        Assert.Equal("OffTarget", cut.Find($"[data-testid=kpi-status-{off.Definition.Id}]").GetAttribute("data-status"));
        Assert.Equal("Off target", cut.Find($"[data-testid=kpi-status-{off.Definition.Id}]").TextContent.Trim());
        Assert.Equal("OnTarget", cut.Find($"[data-testid=kpi-status-{on.Definition.Id}]").GetAttribute("data-status"));
        Assert.Equal("60 k€", cut.Find($"[data-testid=kpi-latest-{off.Definition.Id}]").TextContent.Trim());
        var classification = cut.Find($"[data-testid=kpi-classification-{off.Definition.Id}]");
        Assert.Equal("Business drift", classification.TextContent.Trim());
        Assert.Equal("BusinessDrift", classification.GetAttribute("data-classification"));
        Assert.Contains("Data and model were stable in these 3 weeks", cut.Find($"[data-testid=kpi-reason-{off.Definition.Id}]").TextContent);
        Assert.Equal($"/batches/{batch.Id}", cut.Find($"[data-testid=kpi-evidence-{off.Definition.Id}]").GetAttribute("href"));
        Assert.Empty(cut.FindAll($"[data-testid=kpi-classification-{on.Definition.Id}]"));
    }

    [Fact]
    public async Task Render_NoKpis_ShowsTheEmptyStateWithAnAddAction()
    {
        var productId = await ArrangeAsync();

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.Contains("No KPIs yet", cut.Find("[data-testid=kpis-empty]").TextContent));
        Assert.NotNull(cut.Find("[data-testid=kpis-empty-add]"));
        Assert.Empty(cut.FindAll("[data-testid=kpi-chart]"));
    }

    [Fact]
    public async Task Render_SelectedKpiInTheQuery_ChartsItWithTargetBandRunAndBatchMarkers()
    {
        var productId = await ArrangeAsync();
        await GatesUiData.CreateRuleAsync(Services, productId, GatesUiData.Rows(GateCondition.Gt, 100));   // fails on every 10-row batch
        await GatesUiData.ImportBatchAsync(Services, productId, 1);
        var first = await CreateAsync(productId, Revenue("A revenue"));
        var second = await CreateAsync(productId, Revenue("B revenue"));
        await UploadAsync(productId, second.Definition.Id, ThreeWeeksOff);

        var cut = RenderPage(productId, $"?kpi={second.Definition.Id}");

        cut.WaitForAssertion(() => Assert.Equal(second.Definition.Id.ToString(), cut.Find("[data-testid=kpi-detail]").GetAttribute("data-kpi-id")));
        Assert.NotEqual(first.Definition.Id, second.Definition.Id);
        var chart = cut.FindComponent<KpiChart>();
        Assert.Equal("false", cut.Find("[data-testid=kpi-chart]").GetAttribute("data-empty"));
        var names = chart.Instance.Figure.Data.OfType<Scatter>().Select(s => s.Name).ToList();
        Assert.Contains("On target", names);
        Assert.Contains("Off target", names);
        Assert.Contains("Failed gate (batch)", names);
        Assert.Equal("B revenue (k€)", chart.Instance.Figure.Layout.YAxis[0].Title.Text);
        Assert.Contains(chart.Instance.Figure.Layout.Annotations, a => a.Text == "target 100");
        Assert.Contains(chart.Instance.Figure.Layout.Annotations, a => a.Text == "Business drift: off target for 3 weeks");
        Assert.Equal(4, cut.FindAll("[data-testid=kpi-value-row]").Count);
        Assert.Contains("Failed gate", cut.Find("[data-testid=kpi-run-events]").TextContent);
    }

    [Fact]
    public async Task Render_KpiWithoutValues_ShowsTheChartsEmptyState()
    {
        var productId = await ArrangeAsync();
        await CreateAsync(productId, Revenue());

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=kpi-chart-empty]")));
        Assert.Contains("Upload values", cut.Find("[data-testid=kpi-chart-empty]").TextContent);
        Assert.Equal("NoData", cut.Find("[data-testid=kpi-detail-status]").GetAttribute("data-status"));
    }

    [Fact]
    public async Task LiveRefresh_ValuesUploadedElsewhere_UpdateTheStatusWithoutReload()
    {
        var productId = await ArrangeAsync();
        var kpi = await CreateAsync(productId, Revenue());
        var cut = RenderPage(productId);
        cut.WaitForAssertion(() => Assert.Equal("NoData", cut.Find($"[data-testid=kpi-status-{kpi.Definition.Id}]").GetAttribute("data-status")));

        await UploadAsync(productId, kpi.Definition.Id, Encoding.UTF8.GetBytes("period,value\n2026-03-02,95\n"));

        cut.WaitForAssertion(() => Assert.Equal("AtRisk", cut.Find($"[data-testid=kpi-status-{kpi.Definition.Id}]").GetAttribute("data-status")));
    }

    [Fact]
    public async Task Render_UnknownProduct_ShowsNotFound()
    {
        UseData(await UiTestData.CreateEmptyAsync());

        var cut = RenderPage(4242);

        cut.WaitForAssertion(() => Assert.Contains("Data product 4242 was not found", cut.Find("[data-testid=not-found]").TextContent));
    }

    [Fact]
    public async Task Render_Viewer_ShowsKpisWithoutChangeControls()
    {
        var productId = await ArrangeAsync();
        var kpi = await CreateAsync(productId, Revenue());
        SignInAs("viewer", DashboardRoles.Viewer);

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=kpi-card]")));
        AssertAbsent(cut,
            "[data-testid=kpis-add]", $"[data-testid=kpi-edit-{kpi.Definition.Id}]", $"[data-testid=kpi-upload-{kpi.Definition.Id}]", $"[data-testid=kpi-delete-{kpi.Definition.Id}]");
        Assert.NotNull(cut.Find($"[data-testid=kpi-select-{kpi.Definition.Id}]"));
        Assert.Equal("Needs Product manager", cut.Find("[data-testid=role-hint]").TextContent.Trim());
    }

    [Fact]
    public async Task Render_ProductManager_SeesEditUploadAndDelete()
    {
        var productId = await ArrangeAsync();
        var kpi = await CreateAsync(productId, Revenue());
        SignInAs("pm", DashboardRoles.ProductManager);

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid=kpi-edit-{kpi.Definition.Id}]")));
        AssertPresent(cut, "[data-testid=kpis-add]", $"[data-testid=kpi-upload-{kpi.Definition.Id}]", $"[data-testid=kpi-delete-{kpi.Definition.Id}]");
    }

    [Fact]
    public async Task Render_DataScientist_SeesNoKpiChangeControls()
    {
        var productId = await ArrangeAsync();
        var kpi = await CreateAsync(productId, Revenue());
        SignInAs("ds", DashboardRoles.DataScientist);

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=kpi-card]")));
        AssertAbsent(cut, "[data-testid=kpis-add]", $"[data-testid=kpi-edit-{kpi.Definition.Id}]", $"[data-testid=kpi-upload-{kpi.Definition.Id}]");
    }

    [Fact]
    public async Task Render_ViewerWithoutKpis_EmptyStateSaysWhoDefinesThem()
    {
        var productId = await ArrangeAsync();
        SignInAs("viewer", DashboardRoles.Viewer);

        var cut = RenderPage(productId);

        cut.WaitForAssertion(() => Assert.Contains("a product manager defines them", cut.Find("[data-testid=kpis-empty-reader]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=kpis-empty-add]"));
    }
}
