using Bunit;
using DataProductDashboard.Components.Charts;
using DataProductDashboard.Components.Pages.Audit;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;

namespace DataProductDashboard.Tests.Components;

public sealed class DriftPageTests : BunitTestContext
{
    [Fact]
    public async Task Render_SeededProduct_ShowsVerdictTableOverlayAndHistory()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<DriftPage>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#drift-table")));
        Assert.Matches(@"^\d of 2 features drifted \(\d+ %\), dataset drift threshold 50 %$", cut.Find("[data-testid=drift-verdict-text]").TextContent.Trim());
        Assert.Matches(@"^Reference: training data \([\d,]+ rows\)$", cut.Find("[data-testid=drift-reference]").TextContent.Trim());
        var columns = cut.FindAll("#drift-table [data-testid=drift-row]").Select(r => r.GetAttribute("data-column")).Order().ToList();
        Assert.Equal(["hr", "temp"], columns);
        Assert.NotNull(cut.Find("#drift-table-export"));
        Assert.NotNull(cut.Find("[data-testid=prediction-drift]"));
        var overlay = cut.FindComponent<DistributionOverlayChart>();
        Assert.Equal("drift-overlay-chart", overlay.Instance.Id);
        Assert.False(overlay.Instance.Figure.IsEmpty);
        Assert.NotNull(cut.Find("#drift-overlay-chart"));
        var charts = cut.FindComponents<TimeSeriesChart>();
        Assert.Equal(["drift-share-chart", "column-drift-chart", "multivariate-drift-chart"], charts.Select(c => c.Instance.Id));
        Assert.All(charts, c => Assert.False(c.Instance.Figure.IsEmpty));
        Assert.Contains(charts[0].Instance.Figure.Layout.Shapes, s => Equals(s.Y0, 0.5));
    }

    [Fact]
    public async Task Render_ColumnInQuery_OverlayAndScoreChartForThatColumn()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        Service<NavigationManager>().NavigateTo($"/products/{data.RentalsId}/drift?batch={data.OldBatchId}&column=hr");

        var cut = Render<DriftPage>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.Contains("Reference vs current: hr", cut.Find("[data-testid=chart-overlay]").TextContent));
        Assert.Contains("Drift score of hr", cut.Find("[data-testid=chart-column-score]").TextContent);
        Assert.Contains("dpd-row-selected", cut.Find("#drift-table [data-column=hr]").ParentElement!.ClassName);
    }

    [Fact]
    public async Task Render_PredictionColumn_OverlaysTheModelOutput()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        Service<NavigationManager>().NavigateTo($"/products/{data.RentalsId}/drift?column=prediction");

        var cut = Render<DriftPage>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.Contains("Reference vs current: prediction", cut.Find("[data-testid=chart-overlay]").TextContent));
        Assert.False(cut.FindComponent<DistributionOverlayChart>().Instance.Figure.IsEmpty);
    }

    [Fact]
    public async Task Render_ProductWithoutBatches_ShowsEmptyState()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<DriftPage>(ps => ps.Add(p => p.ProductId, data.EmptyProductId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=audit-empty-batches]")));
        Assert.Empty(cut.FindAll("#drift-table"));
    }

    [Fact]
    public async Task Render_Viewer_ShowsHintInsteadOfSettingsAndReaudit()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        SignInAs("viewer", DashboardRoles.Viewer);

        var cut = Render<DriftPage>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.Equal("Needs Data scientist", cut.Find("[data-testid=role-hint]").TextContent.Trim()));
        AssertAbsent(cut, "#drift-settings-button", "#reaudit-button");
    }

    [Fact]
    public async Task Render_DataScientist_SeesSettingsAndReaudit()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        SignInAs("ds", DashboardRoles.DataScientist);

        var cut = Render<DriftPage>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#reaudit-button")));
        Assert.NotNull(cut.Find("#drift-settings-button"));
        Assert.Empty(cut.FindAll("[data-testid=role-hint]"));
    }
}
