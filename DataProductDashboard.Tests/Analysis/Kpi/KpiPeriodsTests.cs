using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Analysis.Kpi;

public sealed class KpiPeriodsTests
{
    [Theory]
    // 2024-05-08 is a Wednesday: its week starts on Monday 2024-05-06.
    [InlineData("2024-05-08T17:30:00Z", KpiPeriod.Day, "2024-05-08")]
    [InlineData("2024-05-08T17:30:00Z", KpiPeriod.Week, "2024-05-06")]
    [InlineData("2024-05-06T00:00:00Z", KpiPeriod.Week, "2024-05-06")]
    // A Sunday belongs to the week that started six days earlier.
    [InlineData("2024-05-12T23:59:59Z", KpiPeriod.Week, "2024-05-06")]
    [InlineData("2024-05-08T17:30:00Z", KpiPeriod.Month, "2024-05-01")]
    // ISO weeks cross the year: Wednesday 2025-01-01 belongs to the week of Monday 2024-12-30.
    [InlineData("2025-01-01T08:00:00Z", KpiPeriod.Week, "2024-12-30")]
    public void Start_Timestamp_IsTheUtcStartOfItsPeriod(string time, KpiPeriod period, string expected)
    {
        var start = KpiPeriods.Start(DateTime.Parse(time, null, System.Globalization.DateTimeStyles.AdjustToUniversal), period);

        Assert.Equal(DateTime.Parse(expected + "T00:00:00Z", null, System.Globalization.DateTimeStyles.AdjustToUniversal), start);
        Assert.Equal(DateTimeKind.Utc, start.Kind);
    }

    [Fact]
    public void Start_UnspecifiedKind_IsTakenAsUtc()
    {
        var start = KpiPeriods.Start(new DateTime(2024, 5, 8, 23, 0, 0, DateTimeKind.Unspecified), KpiPeriod.Day);

        Assert.Equal(new DateTime(2024, 5, 8, 0, 0, 0, DateTimeKind.Utc), start);
    }

    [Theory]
    [InlineData(KpiPeriod.Day, "2024-02-29")]
    [InlineData(KpiPeriod.Week, "2024-03-04")]
    [InlineData(KpiPeriod.Month, "2024-03-01")]
    public void Next_EndOfFebruaryInALeapYear_IsTheFollowingPeriod(KpiPeriod period, string expected)
    {
        var start = KpiPeriods.Start(new DateTime(2024, 2, 28, 0, 0, 0, DateTimeKind.Utc), period);

        Assert.Equal(expected, KpiPeriods.Next(start, period).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2024-05-06", KpiPeriod.Week, true)]
    [InlineData("2024-05-08", KpiPeriod.Week, false)]
    [InlineData("2024-05-01", KpiPeriod.Month, true)]
    [InlineData("2024-05-02", KpiPeriod.Month, false)]
    public void IsStart_Date_SaysWhetherAPeriodStartsThere(string date, KpiPeriod period, bool expected)
    {
        var time = DateTime.SpecifyKind(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

        Assert.Equal(expected, KpiPeriods.IsStart(time, period));
    }

    [Fact]
    public void FormatAndLabel_EachPeriod_ReadAsDocumented()
    {
        var start = new DateTime(2024, 5, 6, 0, 0, 0, DateTimeKind.Utc);

        Assert.Equal("2024-05-06", KpiPeriods.Format(start, KpiPeriod.Week));
        Assert.Equal("week of 2024-05-06", KpiPeriods.Label(start, KpiPeriod.Week));
        Assert.Equal("2024-05", KpiPeriods.Format(new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc), KpiPeriod.Month));
        Assert.Equal("1 day", KpiPeriods.Count(1, KpiPeriod.Day));
        Assert.Equal("3 weeks", KpiPeriods.Count(3, KpiPeriod.Week));
    }
}
