using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Analysis.Kpi;

public sealed class KpiTargetTests
{
    private static readonly KpiTarget Rentals = new(KpiDirection.HigherIsBetter, Target: 5000, Tolerance: 750);
    private static readonly KpiTarget Cost = new(KpiDirection.LowerIsBetter, Target: 0.5, Tolerance: 0.1);

    [Theory]
    [InlineData(6000, KpiStatus.OnTarget)]
    [InlineData(5000, KpiStatus.OnTarget)]   // exactly at target
    [InlineData(4999, KpiStatus.AtRisk)]
    [InlineData(4250, KpiStatus.AtRisk)]     // exactly at the band edge: still within the band
    [InlineData(4249, KpiStatus.OffTarget)]
    public void StatusOf_HigherIsBetter_JudgesAgainstTheBandBelowTheTarget(double value, KpiStatus expected) =>
        Assert.Equal(expected, Rentals.StatusOf(value));

    [Theory]
    [InlineData(0.3, KpiStatus.OnTarget)]
    [InlineData(0.5, KpiStatus.OnTarget)]
    [InlineData(0.55, KpiStatus.AtRisk)]
    [InlineData(0.75, KpiStatus.OffTarget)]
    public void StatusOf_LowerIsBetter_JudgesAgainstTheBandAboveTheTarget(double value, KpiStatus expected) =>
        Assert.Equal(expected, Cost.StatusOf(value));

    [Fact]
    public void StatusOf_ZeroTolerance_IsOffTargetAsSoonAsItIsWorse()
    {
        var strict = new KpiTarget(KpiDirection.HigherIsBetter, 10, 0);

        Assert.Equal(KpiStatus.OnTarget, strict.StatusOf(10));
        Assert.Equal(KpiStatus.OffTarget, strict.StatusOf(9.99));
    }

    [Fact]
    public void StatusOf_NoValue_IsNoData()
    {
        Assert.Equal(KpiStatus.NoData, Rentals.StatusOf(null));
        Assert.Equal(KpiStatus.NoData, Rentals.StatusOf(double.NaN));
    }

    [Fact]
    public void RelativeGap_BelowTarget_IsNegativeShareOfTarget()
    {
        Assert.Equal(-0.2, Rentals.RelativeGap(4000)!.Value, 12);      // (4000 − 5000) / 5000
        Assert.Equal(0.5, Cost.RelativeGap(0.75)!.Value, 12);          // (0.75 − 0.5) / 0.5
        Assert.Null(new KpiTarget(KpiDirection.LowerIsBetter, 0, 1).RelativeGap(2));
        Assert.Equal(4250, Rentals.BandEdge);
        Assert.Equal(0.6, Cost.BandEdge, 12);
    }
}
