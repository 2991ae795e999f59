using Bunit;
using DataProductDashboard.Components.Pages.Batches;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Components;

/// <summary>A binary product's batch page names the classes ("bad" / "good") instead of the stored 1 / 0.</summary>
public sealed class PredictionsTableTests : BunitTestContext
{
    private async Task<int> ArrangeLabelledBinaryBatchAsync()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var productId = await ExperimentsUiData.CreateProductAsync(Services, withChallenger: false);
        var batch = await Service<BatchImporter>().ImportAsync(productId, TestSchemas.Utf8(TestSchemas.BinaryCsv(12, seed: 19)), "labelled.csv",
            BatchSource.Api, null, null, CancellationToken.None);
        return batch.Id;
    }

    [Fact]
    public async Task Render_BinaryBatch_ShowsClassNamesInThePredictionsTable()
    {
        var batchId = await ArrangeLabelledBinaryBatchAsync();
        var stored = (await Service<BatchQueries>().GetPredictionsAsync(batchId, 1, 25, CancellationToken.None)).Items;

        var cut = Render<BatchDetailPage>(ps => ps.Add(p => p.BatchId, batchId));

        cut.WaitForAssertion(() => Assert.Equal(12, cut.FindAll("[data-testid=predictions-table] tbody tr").Count));
        var predicted = cut.FindAll("[data-testid=prediction-class]").Select(c => c.TextContent.Trim()).ToList();
        var labels = cut.FindAll("[data-testid=prediction-label]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(stored.Select(p => p.Predicted == 1 ? "bad" : "good"), predicted);
        Assert.Equal(stored.Select(p => p.Label == 1 ? "bad" : "good"), labels);
        Assert.Contains("True class", cut.Find("[data-testid=predictions-table] thead").TextContent);
        Assert.Contains("P(bad)", cut.Find("[data-testid=predictions-table] thead").TextContent);
        Assert.Contains("bad (positive, stored as 1) and good (stored as 0)", cut.Find("[data-testid=prediction-classes]").TextContent);
    }

    [Fact]
    public async Task Render_LabelledBinaryBatch_ShowsTheConfusionMatrixByClassName()
    {
        var batchId = await ArrangeLabelledBinaryBatchAsync();

        var cut = Render<BatchDetailPage>(ps => ps.Add(p => p.BatchId, batchId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=confusion-matrix]")));
        Assert.Equal(["good", "bad"], cut.FindAll("[data-testid=confusion-predicted]").Select(c => c.TextContent.Trim()));
        Assert.Equal(["good", "bad"], cut.FindAll("[data-testid=confusion-true]").Select(c => c.TextContent.Trim()));
        Assert.Contains("Precision (bad)", cut.Find("[data-testid=performance-metrics]").TextContent);
        Assert.Contains("predicted bad", cut.Find("[data-testid=stat-mean]").TextContent);
    }
}
