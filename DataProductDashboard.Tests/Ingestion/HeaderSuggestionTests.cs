using DataProductDashboard.Ingestion;

namespace DataProductDashboard.Tests.Ingestion;

public sealed class HeaderSuggestionTests
{
    [Theory]
    [InlineData("humidity", "hum")]
    [InlineData("Temp", "temp")]
    [InlineData("wind_speed", "windspeed")]
    [InlineData("tmp", "temp")]
    [InlineData("seasno", "season")]
    public void Closest_NearName_SuggestsTheSchemaColumn(string header, string expected) =>
        Assert.Equal(expected, HeaderSuggestion.Closest(header, ["hum", "temp", "windspeed", "season", "cnt"]));

    [Theory]
    [InlineData("price")]
    [InlineData("x")]
    public void Closest_UnrelatedName_SuggestsNothing(string header) =>
        Assert.Null(HeaderSuggestion.Closest(header, ["hum", "temp", "season"]));

    [Fact]
    public void Distance_AdjacentSwap_CountsOneEdit() => Assert.Equal(1, HeaderSuggestion.Distance("tepm", "temp"));
}
