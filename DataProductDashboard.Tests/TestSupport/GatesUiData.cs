using System.Globalization;
using System.Text;
using DataProductDashboard.Analysis;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Services.Trail;
using Microsoft.Extensions.DependencyInjection;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>Arranges gate rules and outcomes for the gates page and editor tests on a fresh data folder, through the
/// real services: a regression product with a trained champion, batches imported through <see cref="BatchImporter"/>
/// (which evaluates the enabled batch gates after each import) and rules created through <see cref="GateService"/>.</summary>
public static class GatesUiData
{
    public const string ProductName = "Gated rentals";
    public static readonly DateTime FirstBatchAt = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
    public static readonly Actor Tester = new("gate.tester");

    /// <summary>The product with its champion (FastTree on 60 rows, fixed seed); no batch, no rule.</summary>
    public static async Task<int> CreateProductAsync(IServiceProvider services)
    {
        var product = await services.GetRequiredService<ProductService>().CreateAsync(new CreateProductRequest(ProductName,
            "Gates UI tests.", "UI tests", TaskType.Regression, UiTestData.RentalsSchema), CancellationToken.None);
        await services.GetRequiredService<ModelRegistryService>().TrainAsync(product.Id, Encoding.UTF8.GetBytes(TrainingCsv(60)), "training.csv",
            new TrainModelRequest(TrainerKind.FastTree, 0.2, UiTestData.Seed, "Gates UI test model"), CancellationToken.None);
        return product.Id;
    }

    /// <summary>Imports batch <paramref name="index"/> (0-based; a week apart) of <paramref name="rows"/> rows.</summary>
    public static Task<BatchSummary> ImportBatchAsync(IServiceProvider services, int productId, int index, int rows = 10) =>
        services.GetRequiredService<BatchImporter>().ImportAsync(productId, Encoding.UTF8.GetBytes(UiTestData.BatchCsv(rows, 1000 * (index + 1))),
            $"gates-batch-{index}.csv", BatchSource.Api, FirstBatchAt.AddDays(7 * index), null, CancellationToken.None);

    public static Task<GateRuleView> CreateRuleAsync(IServiceProvider services, int productId, GateRuleInput input) =>
        services.GetRequiredService<GateService>().CreateAsync(productId, input, Tester, CancellationToken.None);

    /// <summary>A batch rule on the batch's row count ("Rows &gt; 100" fails on the 10-row test batches).</summary>
    public static GateRuleInput Rows(GateCondition condition, double threshold, GateSeverity severity = GateSeverity.Critical, double? upper = null) =>
        new(GateScope.Batch, MetricKeys.Rows, null, condition, threshold, severity, upper);

    private static string TrainingCsv(int rows)
    {
        var random = new Random(UiTestData.Seed);
        var text = new StringBuilder("id,hr,temp,cnt\n");
        for (var i = 0; i < rows; i++)
        {
            var hr = i % 24;
            var temp = random.NextDouble();
            var cnt = 10 + (5 * hr) + (100 * temp) + random.Next(0, 10);
            text.Append(CultureInfo.InvariantCulture, $"t{i},{hr},{temp:0.000},{cnt:0}\n");
        }
        return text.ToString();
    }
}
