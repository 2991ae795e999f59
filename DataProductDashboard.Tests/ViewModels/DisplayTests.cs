using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class DisplayTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(10, "just now")]
    [InlineData(60, "1 minute ago")]
    [InlineData(3 * 3600, "3 hours ago")]
    [InlineData(8 * 86400, "8 days ago")]
    [InlineData(-2 * 86400, "in 2 days")]
    [InlineData(800 * 86400, "2 years ago")]
    public void Relative_SecondsAgo_ReadsNaturally(int secondsAgo, string expected) =>
        Assert.Equal(expected, Display.Relative(Now.UtcDateTime.AddSeconds(-secondsAgo), Now));

    [Fact]
    public void Absolute_UtcTime_ShowsMinutesAndZone() =>
        Assert.Equal("2026-11-24 12:00 UTC", Display.Absolute(Now.UtcDateTime));

    [Theory]
    [InlineData(0.0004, "< 1 ms")]
    [InlineData(0.25, "250 ms")]
    [InlineData(2.5, "2.50 s")]
    public void Seconds_Durations_PickAReadableUnit(double seconds, string expected) =>
        Assert.Equal(expected, Display.Seconds(seconds));

    [Fact]
    public void Metrics_Dictionary_JoinsKeyValuePairs() =>
        Assert.Equal("mae 12.35 · r2 0.8712", Display.Metrics(new Dictionary<string, double> { ["mae"] = 12.3456, ["r2"] = 0.87123 }));
}
