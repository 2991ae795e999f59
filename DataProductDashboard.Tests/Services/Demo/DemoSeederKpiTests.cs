using DataProductDashboard.Services.Demo;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Tests.Services.Demo;

[Collection(SeededDemoCollection.Name)]
public sealed class DemoSeederKpiTests(SeededDemo demo)
{
    [Fact]
    public async Task Seed_DemoKpis_BikeDailyRentalsIsOffTargetWithAClassifiedRunAndAnAlert()
    {
        var harness = demo.Harness;
        var products = await harness.Products.ListAsync(default);
        var bike = products.Single(p => p.Name == DemoProducts.BikeName);
        var credit = products.Single(p => p.Name == DemoProducts.CreditName);

        var bikeKpis = await harness.KpiService.ListOverviewAsync(bike.Id, default);
        var creditKpi = Assert.Single(await harness.KpiService.ListOverviewAsync(credit.Id, default));

        Assert.Equal(["Daily rentals", "Weekly rentals"], bikeKpis.Select(k => k.Name));
        var daily = bikeKpis[0];
        // Labelled through Sunday 2012-12-23 (the last two weeks wait for their counts): 4128, 3623, 1749 and 1787
        // rentals on 20–23 December 2012 (day.csv), all below the band edge of 4250.
        Assert.Equal(KpiStatus.OffTarget, daily.Status);
        Assert.Equal(new DateTime(2012, 12, 23, 0, 0, 0, DateTimeKind.Utc), daily.LatestPeriod);
        Assert.Equal(1787, daily.LatestValue);
        Assert.NotNull(daily.Drift);
        Assert.Equal(new DateTime(2012, 12, 20, 0, 0, 0, DateTimeKind.Utc), daily.Drift.From);
        Assert.Equal(4, daily.Drift.Periods);
        Assert.NotNull(daily.Drift.EvidenceBatchId);
        // Week of 2012-12-17: 26,696 rentals, off target but a run of one week only.
        Assert.Equal(26696, bikeKpis[1].LatestValue);
        Assert.Null(bikeKpis[1].Drift);
        Assert.Equal(KpiStatus.OffTarget, bike.Kpis!.Worst);
        Assert.Equal(2, bike.Kpis.OffTarget);
        // Credit: the last labelled weeks are split by the demo A/B test, so the cost mixes both arms; whatever the status,
        // it has a value and is what the portfolio shows.
        Assert.NotNull(creditKpi.LatestValue);
        Assert.NotEqual(KpiStatus.NoData, creditKpi.Status);
        Assert.Equal(creditKpi.Status, credit.Kpis!.Worst);

        await using var db = await harness.DbFactory.CreateDbContextAsync();
        var alert = await db.Alerts.AsNoTracking().SingleAsync(a => a.Key == AlertKeys.Kpi(daily.Id));
        Assert.StartsWith("Daily rentals off target for 4 days: ", alert.Title);
        Assert.Equal(AlertState.Open, alert.State);
    }
}
