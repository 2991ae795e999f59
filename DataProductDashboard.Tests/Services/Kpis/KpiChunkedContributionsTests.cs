using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Tests.Services.Kpis;

/// <summary>KPI contributions of a batch read in chunks (its file chunk by chunk, its predictions by row range) equal
/// the contributions of the whole batch grouped at once.</summary>
public sealed class KpiChunkedContributionsTests
{
    [Fact]
    public async Task BatchStored_FileOfSeveralChunks_ContributesWhatTheWholeBatchDoes()
    {
        await using var h = await ServiceHarness.CreateAsync(settings: new Dictionary<string, string?> { ["Dashboard:ImportChunkRows"] = "1000" });
        var product = await h.CreateRegressionProductAsync();
        var sum = await h.KpiService.CreateAsync(product.Id, KpiTestData.SumPerDay("temp"), KpiTestData.Pm, default);
        var labels = await h.KpiService.CreateAsync(product.Id, new KpiInput("Rentals per row", KpiDirection.HigherIsBetter, 10, 2, KpiPeriod.Week,
            KpiSource.BatchColumn, KpiAggregate.Mean, "cnt"), KpiTestData.Pm, default);
        var text = TestSchemas.RegressionCsv(2_500, seed: 23, withLabel: true);

        var batch = await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(text), "b.csv", BatchSource.Api);

        var parsed = CsvBatchReader.Read(TestSchemas.Utf8(text), "b.csv", TestSchemas.Regression, CsvReadMode.Batch);
        var times = parsed.Table.Timestamps("day").Select(t => t!.Value).ToArray();
        await using var db = await h.DbFactory.CreateDbContextAsync();
        foreach (var (kpi, column, period, labelBased) in new[] { (sum.Id, "temp", KpiPeriod.Day, false), (labels.Id, "cnt", KpiPeriod.Week, true) })
        {
            var expected = KpiContributions.Group(times, parsed.Table.Numeric(column), null, period, labelBased);
            var stored = await db.KpiValues.Where(v => v.KpiId == kpi && v.BatchId == batch.Id).OrderBy(v => v.PeriodStart).ToListAsync();
            Assert.True(expected.Count > 1);
            Assert.Equal(expected.Select(o => (o.PeriodStart, o.Weight)), stored.Select(v => (v.PeriodStart, v.Weight)));
            Assert.Equal(expected.Select(o => o.Value), stored.Select(v => v.Value), (a, b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a)));
        }
    }

    [Fact]
    public void Merge_PartsOfOneBatch_AddsSumsAndKeepsPendingGroupsPending()
    {
        var day = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var next = day.AddDays(1);
        var parts = new[]
        {
            new KpiObservation(day, null, 10, 2),
            new KpiObservation(next, null, 0, 0),
            new KpiObservation(day, null, 5, 1),
            new KpiObservation(next, null, 7, 3),
            new KpiObservation(day, ExperimentArm.Challenger, 4, 4),
        };

        var merged = KpiContributions.Merge(parts);

        Assert.Equal(
            [new KpiObservation(day, null, 15, 3), new KpiObservation(day, ExperimentArm.Challenger, 4, 4), new KpiObservation(next, null, 0, 0)],
            merged);
    }
}
