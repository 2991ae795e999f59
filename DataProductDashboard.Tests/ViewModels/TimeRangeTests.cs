using DataProductDashboard.ViewModels.Formatting;
using DataProductDashboard.ViewModels.Time;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class TimeRangeTests
{
    private static DateTime Utc(int y, int m, int d, int h = 0) => new(y, m, d, h, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Parse_NothingOrUnknown_IsTheDefaultOf90Days()
    {
        Assert.Equal(TimeRange.Default, TimeRange.Parse(null, null, null));
        Assert.Equal(TimeRange.Default, TimeRange.Parse("fortnight", "yesterday", "2026-13-45"));
        Assert.Equal(TimeRangePreset.Last90Days, TimeRange.Default.Preset);
    }

    [Theory]
    [InlineData("7d", TimeRangePreset.Last7Days)]
    [InlineData("30D", TimeRangePreset.Last30Days)]
    [InlineData("90d", TimeRangePreset.Last90Days)]
    [InlineData("all", TimeRangePreset.All)]
    public void Parse_PresetKey_IsThatPreset(string key, TimeRangePreset expected)
    {
        Assert.Equal(expected, TimeRange.Parse(key, null, null).Preset);
    }

    [Fact]
    public void Parse_Days_AreACustomRangeWhateverRangeSaysAndReversedDaysAreSwapped()
    {
        var range = TimeRange.Parse("7d", "2012-03-04", "2012-01-02");

        Assert.Equal(new TimeRange(TimeRangePreset.Custom, new DateOnly(2012, 1, 2), new DateOnly(2012, 3, 4)), range);
        Assert.Equal("2012-01-02 → 2012-03-04", range.Label);
        Assert.Equal("Since 2012-01-02", TimeRange.Parse(null, "2012-01-02", null).Label);
    }

    [Fact]
    public void ToQuery_DefaultPresetAndCustom_WriteOnlyWhatDiffersFromTheDefault()
    {
        Assert.All(TimeRange.Default.ToQuery().Values, Assert.Null);
        Assert.Equal(new Dictionary<string, object?> { ["range"] = "30d", ["from"] = null, ["to"] = null }, TimeRange.Parse("30d", null, null).ToQuery());
        Assert.Equal(new Dictionary<string, object?> { ["range"] = null, ["from"] = "2012-01-02", ["to"] = "2012-03-04" },
            TimeRange.Parse(null, "2012-01-02", "2012-03-04").ToQuery());
    }

    [Fact]
    public void Resolve_Last90Days_EndsAtMidnightAfterTheNewestBatch()
    {
        var window = TimeRange.Default.Resolve(Utc(2011, 7, 11, 6), Utc(2012, 12, 31, 6), ZonedDisplay.Utc);

        Assert.Equal(new TimeWindow(Utc(2012, 10, 3), Utc(2013, 1, 1)), window);
    }

    [Fact]
    public void Resolve_TwoErasOfBatches_TheDefaultShowsOnlyTheRecentEra()
    {
        // The demo's batches of 2011–2012 and a first upload of 2026: the default never spans the 14-year gap.
        var window = TimeRange.Default.Resolve(Utc(2011, 7, 11, 6), Utc(2026, 5, 9, 7), ZonedDisplay.Utc)!;

        Assert.Equal(Utc(2026, 5, 10), window.To);
        Assert.Equal(TimeSpan.FromDays(90), window.Span);
        Assert.False(window.Contains(Utc(2012, 12, 31, 6)));
        Assert.True(window.Contains(Utc(2026, 5, 9, 7)));
        Assert.Equal(TimeSpan.FromDays(7), new TimeRange(TimeRangePreset.Last7Days).Resolve(Utc(2011, 7, 11), Utc(2026, 5, 9, 7), ZonedDisplay.Utc)!.Span);
    }

    [Fact]
    public void Resolve_All_SpansTheOldestToTheNewestBatchInWholeDays()
    {
        var window = TimeRange.All.Resolve(Utc(2011, 7, 11, 6), Utc(2026, 5, 9, 7), ZonedDisplay.Utc);

        Assert.Equal(new TimeWindow(Utc(2011, 7, 11), Utc(2026, 5, 10)), window);
    }

    [Fact]
    public void Resolve_CustomDaysInTheProductsZone_AreThatZonesMidnights()
    {
        var zone = ZonedDisplay.For("Asia/Shanghai");

        var window = TimeRange.Parse(null, "2012-01-02", "2012-01-08").Resolve(null, null, zone);

        Assert.Equal(new TimeWindow(Utc(2012, 1, 1, 16), Utc(2012, 1, 8, 16)), window);
    }

    [Fact]
    public void Resolve_OpenCustomEnd_TakesTheNewestBatchsDay()
    {
        var window = TimeRange.Parse(null, "2012-01-02", null).Resolve(Utc(2011, 7, 11), Utc(2012, 12, 31, 6), ZonedDisplay.Utc);

        Assert.Equal(new TimeWindow(Utc(2012, 1, 2), Utc(2013, 1, 1)), window);
    }

    [Fact]
    public void Resolve_NoBatches_PresetsHaveNoWindow()
    {
        Assert.All(TimeRange.Presets, p => Assert.Null(p.Resolve(null, null, ZonedDisplay.Utc)));
    }

    [Theory]
    [InlineData("event", TimeBasis.Event)]
    [InlineData("EVENT", TimeBasis.Event)]
    [InlineData("arrival", TimeBasis.Arrival)]
    [InlineData(null, TimeBasis.Arrival)]
    public void ParseBasis_TimeParameter_EventOnlyWhenAsked(string? time, TimeBasis expected)
    {
        Assert.Equal(expected, TimeRange.ParseBasis(time));
    }

    [Theory]
    [InlineData("http://h/products/1/drift?range=30d&batch=4&time=event", "?range=30d&time=event")]
    [InlineData("http://h/products/1/drift?batch=4&from=2012-01-02&to=2012-02-01", "?from=2012-01-02&to=2012-02-01")]
    [InlineData("http://h/products/1/drift?batch=4", "")]
    [InlineData("http://h/products/1", "")]
    public void RangeQuery_Address_KeepsOnlyTheRangeParameters(string uri, string expected)
    {
        Assert.Equal(expected, DataProductDashboard.Components.Layout.MainLayout.RangeQuery(uri));
    }
}
