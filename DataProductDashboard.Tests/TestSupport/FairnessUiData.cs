using DataProductDashboard.Domain;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>The loans product of <see cref="FairnessApiTests"/> (sex and region as segment attributes) on a fresh data
/// folder, through the real services: a FastTree model and labelled batches.</summary>
public static class FairnessUiData
{
    public static async Task<(int ProductId, List<int> Batches)> CreateAsync(IServiceProvider services, int batches = 2, int rows = 150)
    {
        var ct = CancellationToken.None;
        var product = await services.GetRequiredService<ProductService>().CreateAsync(new CreateProductRequest("Loans", "Fairness UI tests.", "UI tests",
            TaskType.BinaryClassification, FairnessApiTests.Schema), ct);
        await services.GetRequiredService<ModelRegistryService>().TrainAsync(product.Id,
            TestSchemas.Utf8(FairnessApiTests.Csv(600, seed: 1, firstId: 1, withLabel: true).Csv), "loans.csv", new TrainModelRequest(TrainerKind.FastTree), ct);
        var ids = new List<int>();
        for (var b = 0; b < batches; b++)
        {
            var batch = await services.GetRequiredService<BatchImporter>().ImportAsync(product.Id,
                TestSchemas.Utf8(FairnessApiTests.Csv(rows, seed: 20 + b, firstId: 10_000 * (b + 1), withLabel: true).Csv), $"loans-{b}.csv", BatchSource.Api, null, null, ct);
            ids.Add(batch.Id);
        }
        return (product.Id, ids);
    }
}
