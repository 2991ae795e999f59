using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Analysis.Kpi;

public sealed class BusinessDriftRuleTests
{
    private static readonly DateTime First = new(2024, 5, 6, 0, 0, 0, DateTimeKind.Utc);
    // Daily rentals: on target ≥ 5000, at risk down to 4250, off target below.
    private static readonly KpiTarget Rentals = new(KpiDirection.HigherIsBetter, 5000, 750);

    /// <summary>Complete daily values, oldest first; an extra incomplete newest period when given.</summary>
    private static List<KpiPeriodValue> Days(double[] values, double? incomplete = null)
    {
        var series = values.Select((v, i) => new KpiPeriodValue(First.AddDays(i), null, v, 1, false, true)).ToList();
        if (incomplete is { } last)
            series.Add(new KpiPeriodValue(First.AddDays(values.Length), null, last, 1, false, false));
        return series;
    }

    [Fact]
    public void SustainedRun_ThreeCompleteDaysOffTarget_IsARunOfThree()
    {
        var run = BusinessDriftRule.SustainedRun(Days([5200, 4100, 3900, 4000]), Rentals, runLength: 3);

        Assert.NotNull(run);
        Assert.Equal(3, run.Length);
        Assert.Equal(First.AddDays(1), run.From);
        Assert.Equal(First.AddDays(3), run.To);
    }

    [Fact]
    public void SustainedRun_RunOfRunLengthMinusOne_IsNotSustained()
    {
        var series = Days([5200, 5100, 4100, 3900]);

        Assert.Null(BusinessDriftRule.SustainedRun(series, Rentals, runLength: 3));
        Assert.Equal(2, BusinessDriftRule.CurrentRun(series, Rentals, 3).Length);
    }

    [Fact]
    public void SustainedRun_BrokenByAnOnTargetPeriod_CountsOnlyThePeriodsAfterIt()
    {
        // Off, off, on target, off, off: the newest run is 2 long.
        var series = Days([4000, 4000, 5000, 4000, 4000]);

        Assert.Null(BusinessDriftRule.SustainedRun(series, Rentals, runLength: 3));
    }

    [Fact]
    public void SustainedRun_PeriodAtTheBandEdge_EndsTheRun()
    {
        // 4250 is exactly target − tolerance: at risk, within the band.
        var series = Days([4000, 4000, 4250, 4000, 4000]);

        Assert.Null(BusinessDriftRule.SustainedRun(series, Rentals, runLength: 3));
    }

    [Fact]
    public void SustainedRun_NewestPeriodIncomplete_IsIgnored()
    {
        // Two complete days off target; the third (incomplete, still filling) is off too but does not count yet.
        var series = Days([5200, 4000, 4000], incomplete: 100);

        Assert.Null(BusinessDriftRule.SustainedRun(series, Rentals, runLength: 3));
        Assert.Equal(First.AddDays(2), BusinessDriftRule.LatestComplete(series)!.PeriodStart);
    }

    [Fact]
    public void SustainedRun_LowerIsBetterCostAboveTheBand_IsARun()
    {
        var cost = new KpiTarget(KpiDirection.LowerIsBetter, 0.5, 0.1);
        // 0.7, 0.65, 0.61 are all above 0.6; 0.59 before them is within the band.
        var series = Days([0.59, 0.7, 0.65, 0.61]);

        var run = BusinessDriftRule.SustainedRun(series, cost, runLength: 3);

        Assert.NotNull(run);
        Assert.Equal(3, run.Length);
        // The same values under "higher is better" with target 0.5 are on target: no run.
        Assert.Null(BusinessDriftRule.SustainedRun(series, cost with { Direction = KpiDirection.HigherIsBetter }, 3));
    }

    [Fact]
    public void SustainedRun_RunLongerThanRunLength_CoversTheWholeRun()
    {
        var run = BusinessDriftRule.SustainedRun(Days([5000, 1, 2, 3, 4, 5]), Rentals, runLength: 2);

        Assert.Equal(5, run!.Length);
    }

    [Fact]
    public void SustainedRun_NoData_IsNull() =>
        Assert.Null(BusinessDriftRule.SustainedRun([], Rentals, 3));
}
