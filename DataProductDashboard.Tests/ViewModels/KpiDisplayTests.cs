using DataProductDashboard.Domain;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.ViewModels.Kpis;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class KpiDisplayTests
{
    [Theory]
    [InlineData(1787.0, "rentals", "1,787 rentals")]
    [InlineData(0.92, "cost units", "0.92 cost units")]
    [InlineData(64.098, "", "64.1")]
    [InlineData(123.45, null, "123.5")]
    public void Value_WithUnit_ReadsLikeASentence(double value, string? unit, string expected) => Assert.Equal(expected, KpiDisplay.Value(value, unit));

    [Fact]
    public void Value_Missing_IsADash() => Assert.Equal("–", KpiDisplay.Value(null, "rentals"));

    [Theory]
    [InlineData(-0.2, "−20 %")]
    [InlineData(0.053, "+5 %")]
    [InlineData(null, "")]
    public void Gap_RelativeToTarget_IsSignedPercent(double? gap, string expected) => Assert.Equal(expected, KpiDisplay.Gap(gap));

    [Fact]
    public void Portfolio_WorstStatus_CountsTheKpisWithIt()
    {
        Assert.Equal("KPIs: 1 off target", KpiDisplay.Portfolio(new KpiSummary(KpiStatus.OffTarget, 3, 1, 1, 1, 0)));
        Assert.Equal("KPIs: 2 at risk", KpiDisplay.Portfolio(new KpiSummary(KpiStatus.AtRisk, 2, 0, 2, 0, 0)));
        Assert.Equal("KPIs: no data yet", KpiDisplay.Portfolio(new KpiSummary(KpiStatus.NoData, 1, 0, 0, 0, 1)));
    }

    [Fact]
    public void TargetText_EachDirection_NamesTheBandEdge()
    {
        Assert.Equal("≥ 5,000 rentals (at risk down to 4,250)", KpiDisplay.TargetText(KpiDirection.HigherIsBetter, 5000, 750, "rentals"));
        Assert.Equal("≤ 0.8 cost units (at risk up to 1)", KpiDisplay.TargetText(KpiDirection.LowerIsBetter, 0.8, 0.2, "cost units"));
    }

    [Fact]
    public void EveryStatusAndClassification_HasATextAndAnExplanation()
    {
        Assert.All(Enum.GetValues<KpiStatus>(), s => Assert.False(string.IsNullOrWhiteSpace(KpiDisplay.StatusHelp(s))));
        Assert.All(Enum.GetValues<DriftClassification>(), c => Assert.DoesNotMatch("^[A-Z][a-z]+[A-Z]", KpiDisplay.Classification(c)));
        Assert.All(Enum.GetValues<DriftClassification>(), c => Assert.False(string.IsNullOrWhiteSpace(KpiDisplay.ClassificationHelp(c))));
    }
}
