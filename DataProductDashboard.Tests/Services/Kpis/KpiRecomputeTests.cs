using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;
using static DataProductDashboard.Tests.Services.Kpis.KpiTestData;

namespace DataProductDashboard.Tests.Services.Kpis;

public sealed class KpiRecomputeTests
{
    [Fact]
    public async Task Import_SumOfAFeaturePerDay_AddsEachBatchsPartialsAndCombinesThem()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var kpi = await h.KpiService.CreateAsync(product.Id, SumPerDay("temp"), Pm, default);

        await h.Importer.ImportAsync(product.Id, Batch(("r1", "2024-01-01", 10), ("r2", "2024-01-01", 20), ("r3", "2024-01-02", 5)), "a.csv", BatchSource.Api);
        await h.Importer.ImportAsync(product.Id, Batch(("r4", "2024-01-02", 7), ("r5", "2024-01-03", 1)), "b.csv", BatchSource.Api);
        var values = await h.KpiService.ListValuesAsync(product.Id, kpi.Definition.Id, default);

        // Day 1: 10 + 20; day 2: 5 (batch a) + 7 (batch b); day 3: 1, the newest day, still open to later batches.
        Assert.Equal([Utc("2024-01-01"), Utc("2024-01-02"), Utc("2024-01-03")], values.Select(v => v.Period));
        Assert.Equal([30.0, 12.0, 1.0], values.Select(v => v.Value!.Value));
        Assert.Equal([2.0, 2.0, 1.0], values.Select(v => v.Rows));
        Assert.Equal([true, true, false], values.Select(v => v.Complete));
        Assert.Equal(4, await h.CountAsync(db => db.KpiValues.Where(v => v.KpiId == kpi.Definition.Id)));
    }

    [Fact]
    public async Task Create_OnAProductWithBatches_RecomputesFromEveryStoredBatch()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        await h.Importer.ImportAsync(product.Id, Batch(("r1", "2024-01-01", 10), ("r2", "2024-01-02", 3)), "a.csv", BatchSource.Api);
        await h.Importer.ImportAsync(product.Id, Batch(("r3", "2024-01-02", 4)), "b.csv", BatchSource.Api);

        var kpi = await h.KpiService.CreateAsync(product.Id, SumPerDay("temp") with { Aggregate = KpiAggregate.Mean }, Pm, default);

        // Mean per day: day 1 = 10; day 2 = (3 + 4) / 2.
        Assert.Equal([10.0, 3.5], kpi.Values.Select(v => v.Value!.Value));
        Assert.Equal(KpiStatus.OnTarget, kpi.Overview.Status);
        Assert.Equal(10.0, kpi.Overview.LatestValue);
    }

    [Fact]
    public async Task Labels_SumOfTheLabelPerDay_CountsADayOnlyOnceAllItsRowsAreLabelled()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var kpi = await h.KpiService.CreateAsync(product.Id, SumPerDay("cnt", "Rentals"), Pm, default);
        await h.Importer.ImportAsync(product.Id, Batch(("r1", "2024-01-01", 10), ("r2", "2024-01-01", 20), ("r3", "2024-01-02", 5)), "a.csv", BatchSource.Api);
        var before = await h.KpiService.ListValuesAsync(product.Id, kpi.Definition.Id, default);

        await h.Labels.UploadAsync(product.Id, Labels(("r1", 100), ("r2", 50)), "labels-1.csv", default);
        var partly = await h.KpiService.ListValuesAsync(product.Id, kpi.Definition.Id, default);
        await h.Labels.UploadAsync(product.Id, Labels(("r3", 30)), "labels-2.csv", default);
        var all = await h.KpiService.ListValuesAsync(product.Id, kpi.Definition.Id, default);

        // No label yet: both days are pending, nothing is counted.
        Assert.All(before, v => Assert.True(v.Pending));
        Assert.All(before, v => Assert.Null(v.Value));
        // Day 1 fully labelled: 100 + 50, complete (day 2 has rows after it); day 2 still waits for r3.
        Assert.Equal(150.0, partly[0].Value);
        Assert.True(partly[0].Complete);
        Assert.True(partly[1].Pending);
        Assert.Null(partly[1].Value);
        Assert.Equal([150.0, 30.0], all.Select(v => v.Value!.Value));
        Assert.Equal([true, false], all.Select(v => v.Complete));
    }

    [Fact]
    public async Task Update_ChangedColumn_RecomputesEveryBatch()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        await h.Importer.ImportAsync(product.Id, Batch(("r1", "2024-01-01", 10), ("r2", "2024-01-01", 20)), "a.csv", BatchSource.Api);
        var kpi = await h.KpiService.CreateAsync(product.Id, SumPerDay("temp"), Pm, default);

        var updated = await h.KpiService.UpdateAsync(product.Id, kpi.Definition.Id, SumPerDay("hum") with { Aggregate = KpiAggregate.Count }, Pm, default);

        Assert.Equal(30.0, kpi.Values.Single().Value);
        Assert.Equal(2.0, updated.Values.Single().Value);
        Assert.Equal(1, await h.CountAsync(db => db.KpiValues.Where(v => v.KpiId == kpi.Definition.Id)));
    }

    [Fact]
    public async Task Create_MisclassificationCost_IsTheMeanCostPerLabelledDecisionPerWeek()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateBinaryProductAsync();
        var batch = await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.BinaryCsv(40, seed: 3, withLabel: false)), "apps.csv", BatchSource.Api,
            new DateTime(2024, 5, 8, 9, 0, 0, DateTimeKind.Utc));
        var predictions = (await h.Batches.GetPredictionsAsync(batch.Id, 1, 100, default)).Items;
        // Label every row "bad" (positive): each row predicted good (0) is a false negative costing 5, the others cost 0.
        await h.Labels.UploadAsync(product.Id, TestSchemas.Utf8("id,risk\n" + string.Concat(predictions.Select(p => $"{p.RowKey},bad\n"))), "outcomes.csv", default);
        var falseNegatives = predictions.Count(p => p.Predicted == 0);
        Assert.InRange(falseNegatives, 1, 39);

        var kpi = await h.KpiService.CreateAsync(product.Id, new("Cost per decision", KpiDirection.LowerIsBetter, 1, 0.5, KpiPeriod.Week,
            KpiSource.MisclassificationCost, CostFalsePositive: 1, CostFalseNegative: 5), Pm, default);

        var week = Assert.Single(kpi.Values);
        Assert.Equal(Utc("2024-05-06"), week.Period);
        Assert.Equal(5.0 * falseNegatives / 40, week.Value!.Value, 12);
        Assert.Equal(40, week.Rows);
    }
}
