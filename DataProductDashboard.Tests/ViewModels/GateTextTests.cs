using DataProductDashboard.Domain;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.ViewModels.Gates;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class GateTextTests
{
    [Theory]
    [InlineData(GateCondition.Lte, 0.05, null, RelativeBound.NotBelow, ToleranceUnit.Percent, "≤ 0.05")]
    [InlineData(GateCondition.Gt, 100, null, RelativeBound.NotBelow, ToleranceUnit.Percent, "> 100")]
    [InlineData(GateCondition.Eq, 0, null, RelativeBound.NotBelow, ToleranceUnit.Percent, "= 0")]
    [InlineData(GateCondition.Between, 0.5, 2.0, RelativeBound.NotBelow, ToleranceUnit.Percent, "0.5 – 2")]
    [InlineData(GateCondition.RelativeToReference, 5, null, RelativeBound.NotBelow, ToleranceUnit.Percent, "≥ reference − 5 %")]
    [InlineData(GateCondition.RelativeToReference, 10, null, RelativeBound.NotAbove, ToleranceUnit.Percent, "≤ reference + 10 %")]
    [InlineData(GateCondition.RelativeToChampion, 0.02, null, RelativeBound.Within, ToleranceUnit.Absolute, "champion ± 0.02")]
    [InlineData(GateCondition.RelativeToChampion, 0, null, RelativeBound.NotAbove, ToleranceUnit.Percent, "≤ champion")]
    public void ShortCondition_ReadsLikeTheComparison(GateCondition condition, double threshold, double? upper, RelativeBound bound, ToleranceUnit unit, string expected) =>
        Assert.Equal(expected, GateText.ShortCondition(condition, threshold, upper, bound, unit));

    [Theory]
    [InlineData("perf.mae", GateCondition.Gt, 25, null, "rentals", "> 25 rentals")]
    [InlineData("perf.mae", GateCondition.Gt, 25, null, null, "> 25")]
    [InlineData("drift.share", GateCondition.Gte, 0.5, null, null, "≥ 50 %")]
    [InlineData("scoring.latency_p95_us", GateCondition.Lt, 2000, null, null, "< 2,000 µs")]
    [InlineData("dq.volume_ratio", GateCondition.Between, 0.5, 2.0, null, "0.5× – 2×")]
    public void ShortCondition_WithTheMetric_WritesItsUnit(string key, GateCondition condition, double threshold, double? upper, string? labelUnit, string expected) =>
        Assert.Equal(expected, GateText.ShortCondition(condition, threshold, upper, RelativeBound.NotBelow, ToleranceUnit.Percent, key, labelUnit));

    [Theory]
    [InlineData(0.0833, "share", "0.083")]
    [InlineData(3.0, "rows", "3 rows")]
    [InlineData(174.0, "h", "174 h")]
    [InlineData(12.5, "h", "12.5 h")]
    [InlineData(12480.0, "µs", "12,480 µs")]
    [InlineData(0.0, "0/1", "0 (no)")]
    [InlineData(0.5, "", "0.500")]
    public void Value_CountsAsWholeNumbersSharesWithThreeDecimals(double value, string unit, string expected) =>
        Assert.Equal(expected, GateText.Value(value, unit));

    [Fact]
    public void Value_Missing_IsADash() => Assert.Equal("–", GateText.Value(null, "rows"));

    [Fact]
    public void EveryEnumValue_HasAText()
    {
        Assert.All(Enum.GetValues<GateCondition>(), c => Assert.False(string.IsNullOrWhiteSpace(GateText.Condition(c))));
        Assert.All(Enum.GetValues<TrailAction>(), a => Assert.DoesNotMatch("^[A-Z][a-z]+[A-Z]", GateText.Action(a)));
        Assert.All(Enum.GetValues<DataProductDashboard.Analysis.Gates.MetricFamily>(), f => Assert.False(string.IsNullOrWhiteSpace(GateText.Family(f))));
        Assert.All(Enum.GetValues<GateStatus>(), s => Assert.Equal(s.ToString(), GateText.Status(s)));
    }
}
