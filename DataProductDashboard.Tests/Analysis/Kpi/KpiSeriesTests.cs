using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Analysis.Kpi;

public sealed class KpiSeriesTests
{
    private static readonly DateTime D1 = new(2024, 5, 6, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime D2 = D1.AddDays(1);
    private static readonly DateTime D3 = D1.AddDays(2);

    // Two batches add to day 1 (sums 30 over 3 rows and 50 over 2 rows); one batch to day 2 (12 over 4 rows).
    private static readonly KpiObservation[] TwoBatches =
    [
        new(D1, null, 30, 3),
        new(D1, null, 50, 2),
        new(D2, null, 12, 4),
    ];

    [Theory]
    [InlineData(KpiAggregate.Sum, 80.0)]     // 30 + 50
    [InlineData(KpiAggregate.Mean, 16.0)]    // 80 / 5 rows
    [InlineData(KpiAggregate.Count, 5.0)]    // 3 + 2 rows
    public void Combine_TwoBatchesInOnePeriod_CombinesPartialsByAggregate(KpiAggregate aggregate, double expected)
    {
        var series = KpiSeries.Combine(TwoBatches, KpiSource.BatchColumn, aggregate);

        Assert.Equal(expected, series[0].Value!.Value, 12);
        Assert.Equal(5, series[0].Rows);
    }

    [Fact]
    public void Combine_ComputedKpi_NewestPeriodIsIncompleteTheOthersComplete()
    {
        var series = KpiSeries.Combine(TwoBatches, KpiSource.BatchColumn, KpiAggregate.Sum);

        Assert.Equal([true, false], series.Select(p => p.Complete));
    }

    [Fact]
    public void Combine_PendingPeriod_IsNeitherCompleteNorCountedButMakesEarlierPeriodsComplete()
    {
        // Day 2's rows wait for labels; day 3 is partly counted, partly pending.
        KpiObservation[] observations = [new(D1, null, 10, 2), new(D2, null, 0, 0), new(D3, null, 6, 3), new(D3, null, 0, 0)];

        var series = KpiSeries.Combine(observations, KpiSource.BatchColumn, KpiAggregate.Sum);

        Assert.True(series[0].Complete);
        Assert.Null(series[1].Value);
        Assert.True(series[1].Pending);
        Assert.False(series[1].Complete);
        Assert.Equal(6.0, series[2].Value);
        Assert.True(series[2].Pending);
        Assert.False(series[2].Complete);
    }

    [Fact]
    public void Combine_UploadedKpi_EveryPeriodIsCompleteAndArmValuesStayOutOfTheOverallSeries()
    {
        KpiObservation[] observations = [new(D1, null, 120, 1), new(D2, null, 90, 1), new(D2, ExperimentArm.Challenger, 70, 1)];

        var series = KpiSeries.Combine(observations, KpiSource.Uploaded, null);
        var challenger = KpiSeries.CombineArm(observations, KpiSource.Uploaded, null, ExperimentArm.Challenger);

        Assert.Equal([120.0, 90.0], series.Select(p => p.Value!.Value));
        Assert.All(series, p => Assert.True(p.Complete));
        Assert.Equal(70.0, Assert.Single(challenger).Value);
    }

    [Fact]
    public void CombineArm_ComputedKpi_UsesOnlyThatArmsRows()
    {
        KpiObservation[] observations = [new(D1, ExperimentArm.Champion, 10, 2), new(D1, ExperimentArm.Challenger, 30, 3), new(D2, ExperimentArm.Champion, 1, 1)];

        var overall = KpiSeries.Combine(observations, KpiSource.BatchColumn, KpiAggregate.Mean);
        var challenger = KpiSeries.CombineArm(observations, KpiSource.BatchColumn, KpiAggregate.Mean, ExperimentArm.Challenger);

        Assert.Equal(8.0, overall[0].Value!.Value, 12);          // (10 + 30) / 5
        Assert.Equal(10.0, Assert.Single(challenger).Value!.Value, 12); // 30 / 3
        Assert.True(challenger[0].Complete);                     // a later period has data (in the other arm)
    }
}
