using System.Text;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Ingestion;

public sealed class MissingMarkerTests
{
    private static readonly ProductSchema Schema = new(
    [
        new("id", ColumnKind.Id, ColumnRole.RowKey),
        new("day", ColumnKind.Timestamp, ColumnRole.EventTime, Nullable: true),
        new("temp", ColumnKind.Numeric, Nullable: true),
        new("season", ColumnKind.Categorical, Nullable: true),
        new("code", ColumnKind.Categorical, Nullable: true, MissingMarkers: ["-"]),
        new("required", ColumnKind.Numeric),
    ], MissingMarkers: ["NA", "?"]);

    private static ParsedCsv Read(string text, ProductSchema? schema = null) =>
        CsvBatchReader.Read(Encoding.UTF8.GetBytes(text), "batch.csv", schema ?? Schema, CsvReadMode.Batch);

    [Fact]
    public void Read_ProductMarkers_AreMissingInEveryKindOfColumn()
    {
        var parsed = Read("id,day,temp,season,code,required\nr1,NA,na,?,x,1\nr2,2024-01-02,2.5,summer,y,2\n");

        Assert.Null(parsed.Table.Timestamps("day")[0]);
        Assert.True(double.IsNaN(parsed.Table.Numeric("temp")[0]));
        Assert.Null(parsed.Table.Strings("season")[0]);
        Assert.Equal(2.5, parsed.Table.Numeric("temp")[1]);
        Assert.Equal("summer", parsed.Table.Strings("season")[1]);
    }

    [Fact]
    public void Read_ColumnMarkers_ReplaceTheProductMarkers()
    {
        var parsed = Read("id,day,temp,season,code,required\nr1,2024-01-01,1,a,-,1\nr2,2024-01-02,2,b,?,2\n");

        Assert.Null(parsed.Table.Strings("code")[0]);
        // '?' is a marker of the product, not of 'code', which has its own: there it is a category.
        Assert.Equal("?", parsed.Table.Strings("code")[1]);
    }

    [Fact]
    public void Read_MarkerWithSpacesAroundIt_IsMissing()
    {
        var parsed = Read("id,day,temp,season,code,required\nr1,2024-01-01, ? ,a,x,1\n");

        Assert.True(double.IsNaN(parsed.Table.Numeric("temp")[0]));
    }

    [Fact]
    public void Read_MarkerInNonNullableColumn_NamesRowColumnAndValue()
    {
        var error = Assert.Throws<InputValidationException>(() => Read("id,day,temp,season,code,required\nr1,2024-01-01,1,a,x,NA\n"));

        Assert.Equal("'NA' marks a missing value, but the column is not nullable", error.Errors["row 2, column 'required'"][0]);
    }

    [Fact]
    public void Read_WithoutMarkers_NaTextIsNotANumber()
    {
        var error = Assert.Throws<InputValidationException>(() =>
            Read("id,day,temp,season,code,required\nr1,2024-01-01,NA,a,x,1\n", Schema with { MissingMarkers = null }));

        Assert.Equal("'NA' is not a number", error.Errors["row 2, column 'temp'"][0]);
    }

    [Fact]
    public void Validate_MarkerThatIsAlsoADeclaredCategory_IsRefused()
    {
        var schema = new ProductSchema(
        [
            new("x", ColumnKind.Numeric),
            new("grade", ColumnKind.Categorical, AllowedValues: ["A", "B", "NA"]),
        ], MissingMarkers: ["na"]);

        var errors = schema.Validate(TaskType.Regression);

        Assert.Contains("'NA' is both a missing-value marker and a declared category of 'grade'", errors["schema.missingMarkers"][0]);
    }

    [Theory]
    [InlineData(" ", "empty")]
    [InlineData(" NA", "spaces around it")]
    public void Validate_BadMarker_SaysWhy(string marker, string expected)
    {
        var schema = new ProductSchema([new("x", ColumnKind.Numeric)], MissingMarkers: [marker]);

        Assert.Contains(expected, schema.Validate(TaskType.Regression)["schema.missingMarkers"][0]);
    }

    [Fact]
    public void Validate_DuplicateMarkersIgnoringCase_AreRefused()
    {
        var schema = new ProductSchema([new("x", ColumnKind.Numeric, MissingMarkers: ["NA", "na"])]);

        Assert.Contains("listed 2 times", schema.Validate(TaskType.Regression)["schema.columns['x'].missingMarkers"][0]);
    }
}
