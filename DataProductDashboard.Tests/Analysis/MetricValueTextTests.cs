using DataProductDashboard.Analysis.Gates;

namespace DataProductDashboard.Tests.Analysis;

public sealed class MetricValueTextTests
{
    private static string Plain(double v) => "plain " + GateEvaluator.Format(v);

    [Theory]
    [InlineData("dq.missing_share", 0.0833, null, "8.33 %")]
    [InlineData("scoring.latency_p95_us", 4210, null, "4,210 µs")]
    [InlineData("scoring.seconds", 0.0123, null, "0.0123 s")]
    [InlineData("dq.event_lag_hours", 6.5, null, "6.5 h")]
    [InlineData("perf.rmse", 40.25, "rentals", "40.25 rentals")]
    [InlineData("holdout.mae", 25, "rentals", "25 rentals")]
    [InlineData("estimated.mae", 25, "rentals", "25 rentals")]
    [InlineData("perf.mae", 25, null, "plain 25.000")]
    [InlineData("perf.accuracy", 0.731, "rentals", "plain 0.731")]
    [InlineData("batch.rows", 40, null, "plain 40.000")]
    public void Value_Metric_WithItsUnit(string key, double value, string? labelUnit, string expected) =>
        Assert.Equal(expected, MetricValueText.Value(key, value, labelUnit, Plain));

    [Theory]
    [InlineData(31.2, "31.2")]
    [InlineData(25, "25")]
    [InlineData(4210.4, "4,210")]
    [InlineData(612.5, "612.5")]
    [InlineData(0.012346, "0.01235")]
    [InlineData(0, "0")]
    [InlineData(-3.5, "-3.5")]
    public void Number_Value_FourSignificantDigitsWithoutTrailingZeros(double value, string expected) =>
        Assert.Equal(expected, MetricValueText.Number(value));

    [Theory]
    [InlineData(0.02, "2 percentage points")]
    [InlineData(0.01, "1 percentage point")]
    public void Difference_Share_InPercentagePoints(double value, string expected) =>
        Assert.Equal(expected, MetricValueText.Difference("dq.missing_share", value, null, Plain));
}
