using Bunit;
using DataProductDashboard.Components.Pages.Batches;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Jobs;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Tests.Components;

public sealed class JobsPanelTests : BunitTestContext
{
    [Fact]
    public async Task Render_StoredJobs_ShowsProgressAndOutcomeAsAfterAReload()
    {
        var root = await UiTestData.CreateEmptyAsync();
        UseData(root);
        var product = await Service<ProductService>().CreateAsync(new CreateProductRequest("Jobs", null, null, TaskType.Regression, UiTestData.RentalsSchema), default);
        var jobs = Service<JobTracker>();
        var running = await jobs.EnqueueAsync(NewJob(product.Id, "running.csv"), default);
        var failed = await jobs.EnqueueAsync(NewJob(product.Id, "broken.csv"), default);
        await using (var db = await Service<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            await db.Jobs.Where(j => j.Id == running.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Running)
                .SetProperty(j => j.Stage, "Scoring").SetProperty(j => j.RowsDone, 60_000).SetProperty(j => j.Attempts, 2));
            await db.Jobs.Where(j => j.Id == failed.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Failed)
                .SetProperty(j => j.Error, "The app stopped while this job ran, 3 times"));
        }

        var cut = Render<JobsPanel>(p => p.Add(x => x.ProductId, product.Id));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=job-row]").Count));
        var text = cut.Find("[data-testid=jobs-panel]").TextContent;
        Assert.Contains("running.csv", text);
        Assert.Contains("Scoring · 60,000 of 120,000 rows", text);
        Assert.Contains("The app stopped while this job ran, 3 times", cut.Find("[data-testid=job-error]").TextContent);
    }

    private static Job NewJob(int productId, string fileName) => new()
    {
        Kind = "batch-import", ProductId = productId, RowsTotal = 120_000, InputArea = "batches", InputHash = new string('a', 64), InputFileName = fileName,
    };
}
