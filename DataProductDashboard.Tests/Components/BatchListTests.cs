using Bunit;
using DataProductDashboard.Components.Pages.Batches;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Components;

public sealed class BatchListTests : BunitTestContext
{
    [Fact]
    public async Task Render_ProductWithBatches_ListsThemNewestFirstWithLinks()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<BatchList>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=batch-row]").Count));
        var ids = cut.FindAll("[data-testid=batch-row]").Select(r => r.GetAttribute("data-batch-id")).ToList();
        Assert.Equal([data.NewBatchId.ToString(), data.OldBatchId.ToString()], ids);
        Assert.Contains($"/batches/{data.NewBatchId}", cut.Find("[data-testid=batches-table]").InnerHtml);
        Assert.Equal($"/api/products/{data.RentalsId}/batches?format=csv&sort=ReceivedAt&descending=true", cut.Find("#export-batches-csv").GetAttribute("href"));
        Assert.Contains("API", cut.Find("[data-testid=batches-table]").TextContent);
        Assert.NotNull(cut.Find("#upload-batch-button"));
    }

    [Fact]
    public async Task Render_ProductWithBatches_ShowsEachBatchsNumberWithinTheProduct()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<BatchList>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=batch-number]").Count));
        Assert.Equal(["#2", "#1"], cut.FindAll("[data-testid=batch-number]").Select(c => c.TextContent.Trim()));
        Assert.Equal("2", cut.Find($"[data-testid=batch-row][data-batch-id='{data.NewBatchId}']").GetAttribute("data-batch-number"));
    }

    [Fact]
    public async Task Render_InTheProductsTimeZone_ShowsLocalTimesWithTheOffset()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        var zone = DataProductDashboard.ViewModels.Formatting.ZonedDisplay.For("Asia/Shanghai");
        var batch = await Service<DataProductDashboard.Services.Batches.BatchQueries>().GetSummaryAsync(data.NewBatchId, CancellationToken.None);

        var cut = Render<BatchList>(ps => ps.Add(p => p.ProductId, data.RentalsId).AddCascadingValue(zone));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=batch-row]").Count));
        var received = cut.Find($"[data-testid=batch-row][data-batch-id='{data.NewBatchId}']").TextContent;
        Assert.Equal(zone.Absolute(batch.ReceivedAt), received.Trim());
        Assert.EndsWith("UTC+08:00", received.Trim());
    }

    [Fact]
    public async Task Render_ProductWithoutBatches_ShowsEmptyStateWithExpectedColumns()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<BatchList>(ps => ps.Add(p => p.ProductId, data.EmptyProductId));

        cut.WaitForAssertion(() => Assert.Contains("No batches yet", cut.Find("[data-testid=batches-empty]").TextContent));
        Assert.Equal("id, hr, temp", cut.Find("[data-testid=expected-columns]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=batch-row]"));
    }

    [Fact]
    public async Task Render_Viewer_ShowsHintInsteadOfUploadAndKeepsExport()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        SignInAs("viewer", DashboardRoles.Viewer);

        var cut = Render<BatchList>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=batch-row]").Count));
        Assert.Empty(cut.FindAll("#upload-batch-button"));
        Assert.Equal("Needs Data scientist", cut.Find("[data-testid=role-hint]").TextContent.Trim());
        AssertPresent(cut, "#export-batches-csv", "#batches-filter");
    }

    [Fact]
    public async Task Render_DataScientist_SeesUploadBatch()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        SignInAs("ds", DashboardRoles.DataScientist);

        var cut = Render<BatchList>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#upload-batch-button")));
        Assert.Empty(cut.FindAll("[data-testid=role-hint]"));
    }

    [Fact]
    public async Task Render_ProductManager_DoesNotSeeUploadBatch()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        SignInAs("pm", DashboardRoles.ProductManager);

        var cut = Render<BatchList>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=batch-row]").Count));
        Assert.Empty(cut.FindAll("#upload-batch-button"));
    }

    [Fact]
    public async Task Render_ViewerWithoutBatches_EmptyStateSaysWhoUploadsThem()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        SignInAs("viewer", DashboardRoles.Viewer);

        var cut = Render<BatchList>(ps => ps.Add(p => p.ProductId, data.EmptyProductId));

        cut.WaitForAssertion(() => Assert.Contains("No batch yet — a data scientist or a pipeline uploads them", cut.Find("[data-testid=batches-empty]").TextContent));
        Assert.DoesNotContain("Upload batch", cut.Find("[data-testid=batches-empty]").TextContent);
        Assert.DoesNotContain("Register or train a model", cut.Markup);
        Assert.Contains("A data scientist registers or trains one", cut.Markup);
    }
}
