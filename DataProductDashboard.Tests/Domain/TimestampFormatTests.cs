using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Domain;

public sealed class TimestampFormatTests
{
    [Theory]
    [InlineData("dd.MM.yyyy")]
    [InlineData("MM/dd/yyyy HH:mm")]
    [InlineData("yyyyMMdd")]
    public void Check_UsableFormat_ReturnsNull(string format) => Assert.Null(TimestampFormat.Check(format));

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("HH:mm", "needs the year (yyyy), month (MM) and day (dd)")]
    [InlineData("%", "is not a valid date format")]
    [InlineData("dd.MM", "needs the year")]
    public void Check_UnusableFormat_SaysWhy(string format, string expected) =>
        Assert.Contains(expected, TimestampFormat.Check(format));

    [Fact]
    public void Validate_FormatOnANumericColumn_IsRefused()
    {
        var schema = new ProductSchema([new("x", ColumnKind.Numeric, Format: "dd.MM.yyyy"), new("y", ColumnKind.Numeric, ColumnRole.Label)]);

        var errors = schema.Validate(TaskType.Regression);

        Assert.Contains("Only Timestamp columns take a format", errors["schema.columns['x'].format"][0]);
    }

    [Fact]
    public void Validate_InvalidFormatOnATimestampColumn_IsRefused()
    {
        var schema = new ProductSchema([new("at", ColumnKind.Timestamp, ColumnRole.EventTime, Format: "HH"), new("x", ColumnKind.Numeric)]);

        var errors = schema.Validate(TaskType.Regression);

        Assert.True(errors.ContainsKey("schema.columns['at'].format"));
    }

    [Fact]
    public void Validate_NonFiniteBound_IsRefused()
    {
        var schema = new ProductSchema([new("x", ColumnKind.Numeric, Min: double.NaN)]);

        Assert.Contains("finite", schema.Validate(TaskType.Regression)["schema.columns['x']"][0]);
    }

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData("2010-01-01", "2009-12-31T16:00:00")]
    [InlineData("2010-01-01 08:30", "2010-01-01T00:30:00")]
    [InlineData("2010-01-01T08:30:15.5", "2010-01-01T00:30:15.5")]
    [InlineData("2010-01-01T08:30:00Z", "2010-01-01T08:30:00")]
    [InlineData("2010-01-01T08:30:00+02:00", "2010-01-01T06:30:00")]
    [InlineData("2010-01-01T08:30:00-0100", "2010-01-01T09:30:00")]
    public void TryParseIso_InAZone_ReadsTimesWithoutAnOffsetAsWallClockTimesThere(string text, string expectedUtc)
    {
        Assert.True(TimestampFormat.TryParseIso(text, Shanghai, out var value, out var skipped));

        Assert.False(skipped);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), DateTime.SpecifyKind(value, DateTimeKind.Unspecified));
    }

    [Fact]
    public void TryParseIso_TimeTheClocksSkip_IsRefusedAsSkipped()
    {
        Assert.False(TimestampFormat.TryParseIso("2021-03-28 02:30", Berlin, out _, out var skipped));
        Assert.True(skipped);
        Assert.False(TimestampFormat.TryParseIso("2021-13-28 02:30", Berlin, out _, out skipped));
        Assert.False(skipped);
    }

    [Fact]
    public void TryParseIso_HourThatOccursTwice_IsReadAsTheStandardTimeOne()
    {
        Assert.True(TimestampFormat.TryParseIso("2021-10-31 02:30", Berlin, out var value, out _));

        Assert.Equal(new DateTime(2021, 10, 31, 1, 30, 0, DateTimeKind.Utc), value);
    }

    [Fact]
    public void TryParseExact_FormatWithoutOffset_IsReadInTheZoneAndOneWithAnOffsetIsNot()
    {
        Assert.True(TimestampFormat.TryParseExact("01.07.2021 12:00", "dd.MM.yyyy HH:mm", Berlin, out var local, out _));
        Assert.True(TimestampFormat.TryParseExact("01.07.2021 12:00 +00:00", "dd.MM.yyyy HH:mm zzz", Berlin, out var withOffset, out _));

        Assert.Equal(new DateTime(2021, 7, 1, 10, 0, 0, DateTimeKind.Utc), local);
        Assert.Equal(new DateTime(2021, 7, 1, 12, 0, 0, DateTimeKind.Utc), withOffset);
    }

    [Fact]
    public void TryParseIso_UtcZone_LeavesTimesUnchanged()
    {
        Assert.True(TimestampFormat.TryParseIso("2021-03-28 02:30", TimeZoneInfo.Utc, out var value, out _));

        Assert.Equal(new DateTime(2021, 3, 28, 2, 30, 0, DateTimeKind.Utc), value);
        Assert.True(TimestampFormat.IsUtc(TimeZoneInfo.FindSystemTimeZoneById("Etc/UTC")));
    }
}
