using DataProductDashboard.Analysis.Schema;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Domain;

/// <summary>The checks of a composed event time (<see cref="ColumnSpec.ComposedOf"/>) in <see cref="ProductSchema.Validate"/>.</summary>
public sealed class ProductSchemaTests
{
    private const string Field = "schema.columns['event_time'].composedOf";

    private static ProductSchema Schema(ColumnSpec eventTime, params ColumnSpec[] more) => new(
    [
        new("year", ColumnKind.Numeric),
        new("month", ColumnKind.Numeric),
        new("day", ColumnKind.Numeric),
        new("hour", ColumnKind.Numeric),
        new("station", ColumnKind.Text),
        new("pm", ColumnKind.Numeric, ColumnRole.Label),
        eventTime,
        .. more,
    ]);

    private static ColumnSpec Composed(params string[] parts) => new("event_time", ColumnKind.Timestamp, ColumnRole.EventTime, ComposedOf: parts);

    private static string[] Problems(ProductSchema schema, string field = Field) =>
        schema.Validate(TaskType.Regression).TryGetValue(field, out var problems) ? problems : [];

    [Theory]
    [InlineData("year,month,day")]
    [InlineData("year,month,day,hour")]
    public void Validate_ComposedOfNumericParts_IsValidAndNotRequiredInHeader(string parts)
    {
        var schema = Schema(Composed(parts.Split(',')));

        Assert.Empty(schema.Validate(TaskType.Regression));
        Assert.False(schema.EventTime!.RequiredInHeader);
        Assert.True(schema.EventTime.IsComposed);
        Assert.DoesNotContain(schema.FileColumns, c => c.Name == "event_time");
        Assert.Contains(schema.RequiredInBatch, c => c.Name == "event_time");
    }

    [Fact]
    public void Validate_CategoricalPartHoldingWholeNumbers_IsValid()
    {
        var schema = Schema(Composed("year", "month", "day", "quarter_hour"),
            new ColumnSpec("quarter_hour", ColumnKind.Categorical, AllowedValues: ["0", "1", "2"]));

        Assert.Empty(schema.Validate(TaskType.Regression));
    }

    [Theory]
    [InlineData(new[] { "year", "month" }, "A composed time takes 3 to 5 part columns in the order year, month, day[, hour[, minute]]; 'event_time' names 2.")]
    [InlineData(new[] { "year", "month", "day", "hour", "hour", "day" }, "A composed time takes 3 to 5 part columns in the order year, month, day[, hour[, minute]]; 'event_time' names 6.")]
    [InlineData(new[] { "year", "month", "month" }, "'month' is named 2 times; each part (year, month, day[, hour[, minute]]) is a different column.")]
    [InlineData(new[] { "year", "month", "dya" }, "'dya' (the day part) is not a column of the schema.")]
    [InlineData(new[] { "year", "month", "station" }, "'station' (the day part) is Text; a part must be Numeric (or Categorical holding whole numbers).")]
    [InlineData(new[] { "year", "month", "pm" }, "'pm' (the day part) is the label, which batches do not carry; parts are columns every batch holds.")]
    [InlineData(new[] { "year", "month", "event_time" }, "'event_time' cannot be composed from itself.")]
    [InlineData(new[] { "year", "month", "" }, "The day part has no column name.")]
    public void Validate_BadParts_NameTheProblemUnderComposedOf(string[] parts, string problem)
    {
        Assert.Contains(problem, Problems(Schema(Composed(parts))));
    }

    [Fact]
    public void Validate_CategoricalPartWithWords_IsRefused()
    {
        var schema = Schema(Composed("year", "month_name", "day"), new ColumnSpec("month_name", ColumnKind.Categorical, AllowedValues: ["1", "April"]));

        Assert.Equal(["'month_name' (the month part) is Categorical with the value 'April', which is not a whole number."], Problems(schema));
    }

    [Fact]
    public void Validate_ComposedColumnWithAnotherRoleOrKind_SaysItMustBeATimestampEventTime()
    {
        var schema = Schema(new ColumnSpec("event_time", ColumnKind.Numeric, ColumnRole.Feature, ComposedOf: ["year", "month", "day"]));

        Assert.Equal(
        [
            "'event_time' is composed from other columns, so its role must be EventTime, not Feature.",
            "'event_time' is composed from other columns, so its kind must be Timestamp, not Numeric.",
        ], Problems(schema));
    }

    [Fact]
    public void Validate_ComposedColumnWithAFormat_SaysItTakesNone()
    {
        var schema = Schema(Composed("year", "month", "day") with { Format = "dd.MM.yyyy" });

        Assert.Equal(["'event_time' is composed from year, month, day, not read from files, so it takes no format."],
            Problems(schema, "schema.columns['event_time'].format"));
    }

    [Fact]
    public void Validate_ComposedAndReadEventTimes_OnlyOneIsAllowed()
    {
        var schema = Schema(Composed("year", "month", "day"), new ColumnSpec("at", ColumnKind.Timestamp, ColumnRole.EventTime));

        Assert.Equal(["Only one column can have the role EventTime; 'event_time', 'at' have it."], Problems(schema, "schema.eventTime"));
    }

    [Fact]
    public void Compare_ComposedPartsChanged_IsRefused()
    {
        var current = Schema(Composed("year", "month", "day", "hour"));
        var proposed = Schema(Composed("year", "month", "day"));

        var result = SchemaEvolution.Compare(current, proposed, TaskType.Regression, 2);

        Assert.Contains("would change how it is made (composed from year, month, day, hour → composed from year, month, day)",
            Assert.Single(result.Errors["schema.columns['event_time']"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeasonalFeature_IsValid()
    {
        var schema = new ProductSchema([new("hr", ColumnKind.Numeric, Seasonal: true), new("pm", ColumnKind.Numeric, ColumnRole.Label)]);

        Assert.Empty(schema.Validate(TaskType.Regression));
        Assert.Equal(["hr"], schema.SeasonalFeatureNames());
    }

    [Fact]
    public void Validate_SeasonalLabel_IsRefusedOnTheColumn()
    {
        var schema = new ProductSchema([new("hr", ColumnKind.Numeric), new("pm", ColumnKind.Numeric, ColumnRole.Label, Seasonal: true)]);

        var errors = schema.Validate(TaskType.Regression);

        Assert.Contains("Only feature columns can be seasonal", Assert.Single(errors["schema.columns['pm'].seasonal"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hr", true)]
    [InlineData("Hour_Of_Day", true)]
    [InlineData("day-of-week", true)]
    [InlineData("mnth", true)]
    [InlineData("season", true)]
    [InlineData("yr", false)]
    [InlineData("temp", false)]
    public void LooksSeasonal_CalendarNames_AreRecognised(string name, bool expected) =>
        Assert.Equal(expected, ColumnSpec.LooksSeasonal(name));
}
