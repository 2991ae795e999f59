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
}
