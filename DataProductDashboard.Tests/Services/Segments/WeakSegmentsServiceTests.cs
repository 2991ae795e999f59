using System.Text;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Services.Segments;
using DataProductDashboard.Tests.Api;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Services.Segments;

public sealed class WeakSegmentsServiceTests
{
    [Fact]
    public async Task FindAsync_BatchWithItsLabelsBesideBatchLabelledLater_SearchesTheRowsOfBoth()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.Products.CreateAsync(new CreateProductRequest("Loans", "", "", TaskType.BinaryClassification, FairnessApiTests.Schema), default);
        await h.Registry.TrainAsync(product.Id, TestSchemas.Utf8(FairnessApiTests.Csv(600, seed: 1, firstId: 1, withLabel: true).Csv), "train.csv", new TrainModelRequest(TrainerKind.FastTree), default);
        // The newest batch file carries the label column; the one before gets its labels from a label file.
        var later = FairnessApiTests.Csv(150, seed: 3, firstId: 20_000, withLabel: false);
        await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(later.Csv), "without-labels.csv", BatchSource.Api);
        await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(FairnessApiTests.Csv(120, seed: 2, firstId: 10_000, withLabel: true).Csv), "with-labels.csv", BatchSource.Api);
        var labels = new StringBuilder("id,outcome\n");
        foreach (var (id, row) in later.Rows)
            labels.Append(id).Append(',').Append(row.Default ? "default" : "repaid").Append('\n');
        await h.Labels.UploadAsync(product.Id, TestSchemas.Utf8(labels.ToString()), "labels.csv", default);

        var report = await h.Get<WeakSegmentsService>().FindAsync(product.Id, null, null, 4, default);

        Assert.Equal(270, report.Rows);
        Assert.Equal(2, report.Batches.Count);
    }
}
