using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Services.Trail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>Arranges A/B tests for the experiments page and dialog tests on a fresh data folder, through the real
/// services: a binary product (FastTree v1 champion, optionally an Sdca v2), an experiment and labelled batches split by it.</summary>
public static class ExperimentsUiData
{
    public const string ProductName = "Risk experiments";
    public static readonly Actor Tester = new("experiment.tester");

    public static async Task<int> CreateProductAsync(IServiceProvider services, bool withChallenger = true)
    {
        var ct = CancellationToken.None;
        var product = await services.GetRequiredService<ProductService>().CreateAsync(new CreateProductRequest(ProductName, "Experiments UI tests.", "UI tests",
            TaskType.BinaryClassification, TestSchemas.Binary), ct);
        var registry = services.GetRequiredService<ModelRegistryService>();
        await registry.TrainAsync(product.Id, TestSchemas.Utf8(TestSchemas.BinaryCsv(300)), "v1.csv", new TrainModelRequest(TrainerKind.FastTree), ct);
        if (withChallenger)
            await registry.TrainAsync(product.Id, TestSchemas.Utf8(TestSchemas.BinaryCsv(300, seed: 23)), "v2.csv", new TrainModelRequest(TrainerKind.Sdca, Seed: 5), ct);
        return product.Id;
    }

    public static Task<ExperimentSummary> StartAsync(IServiceProvider services, int productId, double share = 0.5, string? name = null) =>
        services.GetRequiredService<ExperimentService>().StartAsync(productId,
            new StartExperimentRequest(2, ExperimentMetrics.Accuracy, 0.05, share, Name: name), Tester, CancellationToken.None);

    /// <summary>A labelled batch (rows with the label column), scored and split by the running experiment.</summary>
    public static Task<BatchSummary> ImportAsync(IServiceProvider services, int productId, int rows, int seed) =>
        services.GetRequiredService<BatchImporter>().ImportAsync(productId, TestSchemas.Utf8(TestSchemas.BinaryCsv(rows, seed)), $"batch-{seed}.csv",
            BatchSource.Api, null, null, CancellationToken.None);

    /// <summary>Changes the configured share behind the service's back: the rows split so far stop matching it.</summary>
    public static async Task SetShareAsync(IServiceProvider services, int experimentId, double share)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        (await db.Experiments.SingleAsync(e => e.Id == experimentId)).ChallengerShare = share;
        await db.SaveChangesAsync();
    }
}
