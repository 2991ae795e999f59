using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class ZonedDisplayTests
{
    private static readonly DateTime Instant = new(2009, 12, 31, 16, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Absolute_NoTimeZone_IsTheUtcText()
    {
        Assert.Equal(("2009-12-31 16:30 UTC", "2009-12-31", "UTC"), (ZonedDisplay.For(null).Absolute(Instant), ZonedDisplay.For(null).Date(Instant), ZonedDisplay.Utc.Name));
    }

    [Fact]
    public void Absolute_AsiaShanghai_IsTheNextLocalDayWithItsOffset()
    {
        var zone = ZonedDisplay.For("Asia/Shanghai");

        Assert.Equal(("2010-01-01 00:30 UTC+08:00", "2010-01-01", "Asia/Shanghai (UTC+08:00)"), (zone.Absolute(Instant), zone.Date(Instant), zone.Name));
    }

    [Fact]
    public void Absolute_SummerAndWinterInParis_SayTheOffsetOfThatMoment()
    {
        var zone = ZonedDisplay.For("Europe/Paris");

        Assert.Equal("2024-07-01 14:00 UTC+02:00", zone.Absolute(new DateTime(2024, 7, 1, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("2024-01-01 13:00 UTC+01:00", zone.Absolute(new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Absolute_WestOfUtc_UsesAMinusSign()
    {
        Assert.Equal("2009-12-31 11:30 UTC−05:00", ZonedDisplay.For("America/New_York").Absolute(Instant));
    }

    [Fact]
    public void For_UnknownZone_FallsBackToUtc()
    {
        Assert.True(ZonedDisplay.For("Mars/Olympus").IsUtc);
    }
}
