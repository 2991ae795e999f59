using DataProductDashboard.Analysis.Segments;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Fairness;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.Api;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Services.Segments;

/// <summary>A categorical feature picked as a segment after batches were stored: measured from the next batch on, and
/// the batches before it are left out (never counted as "(missing)").</summary>
public sealed class SegmentSchemaChangeTests
{
    [Fact]
    public async Task ChangeAsync_FeaturePickedAsSegment_MeasuresItFromTheNextBatchAndLeavesEarlierRowsOut()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var schema = FairnessApiTests.Schema with
        {
            Columns = FairnessApiTests.Schema.Columns.Select(c => c.Name == "region" ? c with { IsSegment = false } : c).ToList(),
        };
        var product = await h.Products.CreateAsync(new CreateProductRequest("Loans", "", "", TaskType.BinaryClassification, schema), default);
        await h.Registry.TrainAsync(product.Id, TestSchemas.Utf8(FairnessApiTests.Csv(600, seed: 1, firstId: 1, withLabel: true).Csv), "train.csv", new TrainModelRequest(TrainerKind.FastTree), default);
        await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(FairnessApiTests.Csv(120, seed: 2, firstId: 10_000, withLabel: true).Csv), "before.csv", BatchSource.Api);
        var fairness = h.Get<FairnessService>();
        await Assert.ThrowsAsync<InputValidationException>(() => fairness.GetAsync(product.Id, "region", null, null, null, default));

        var current = await h.Products.GetAsync(product.Id, default);
        var version = await h.Get<ProductSchemaService>().ChangeAsync(product.Id,
            current.Schema with { Columns = current.Schema.Columns.Select(c => c.Name == "region" ? c with { IsSegment = true } : c).ToList() }, Actor.System, default);
        var after = FairnessApiTests.Csv(150, seed: 3, firstId: 20_000, withLabel: true);
        await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(after.Csv), "after.csv", BatchSource.Api);

        Assert.Contains("Column 'region' slices the population (segment).", version.Changes);
        Assert.Equal(["sex", "region"], SegmentAttributes.Of(version.Schema));
        var report = await fairness.GetAsync(product.Id, "region", null, null, null, default);
        Assert.Equal(120, report.UnmeasuredRows);
        Assert.Equal(150, report.Groups.Sum(g => g.Support));
        Assert.Equal(after.Rows.Values.GroupBy(r => r.Region).OrderBy(g => g.Key).Select(g => (g.Key, (long)g.Count())),
            report.Groups.OrderBy(g => g.Group).Select(g => (g.Group, g.Support)));
        Assert.DoesNotContain(report.Groups, g => g.Group == SegmentAttributes.MissingValue);
        var bySex = await fairness.GetAsync(product.Id, "sex", null, null, null, default);
        Assert.Equal((0L, 270L), (bySex.UnmeasuredRows, bySex.Groups.Sum(g => g.Support)));
    }

    [Fact]
    public async Task GetAsync_ProductWithoutSegmentsUntilSexWasPicked_CountsTheEarlierLabelledRowsAsUnmeasured()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var schema = FairnessApiTests.Schema with
        {
            Columns = FairnessApiTests.Schema.Columns.Select(c => c.Name is "region" or "sex" ? c with { Role = ColumnRole.Feature, IsSegment = false } : c).ToList(),
        };
        var product = await h.Products.CreateAsync(new CreateProductRequest("Loans", "", "", TaskType.BinaryClassification, schema), default);
        await h.Registry.TrainAsync(product.Id, TestSchemas.Utf8(FairnessApiTests.Csv(600, seed: 1, firstId: 1, withLabel: true).Csv), "train.csv", new TrainModelRequest(TrainerKind.FastTree), default);
        await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(FairnessApiTests.Csv(110, seed: 2, firstId: 10_000, withLabel: true).Csv), "before.csv", BatchSource.Api);
        var current = await h.Products.GetAsync(product.Id, default);
        await h.Get<ProductSchemaService>().ChangeAsync(product.Id,
            current.Schema with { Columns = current.Schema.Columns.Select(c => c.Name == "sex" ? c with { IsSegment = true } : c).ToList() }, Actor.System, default);
        await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(FairnessApiTests.Csv(140, seed: 3, firstId: 20_000, withLabel: true).Csv), "after.csv", BatchSource.Api);

        var report = await h.Get<FairnessService>().GetAsync(product.Id, "sex", null, null, null, default);

        Assert.Equal((110L, 140L), (report.UnmeasuredRows, report.Groups.Sum(g => g.Support)));
    }
}
