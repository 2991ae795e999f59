using DataProductDashboard.ViewModels.Audit;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class AuditRangeTests
{
    [Fact]
    public void Parse_ValidDates_UtcDatesAndInclusiveEnd()
    {
        var range = AuditRange.Parse("2012-01-02", "2012-03-04");

        Assert.Equal(new DateTime(2012, 1, 2, 0, 0, 0, DateTimeKind.Utc), range.From);
        Assert.Equal(DateTimeKind.Utc, range.From!.Value.Kind);
        Assert.Equal(new DateTime(2012, 3, 4, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999), range.ToExclusiveEnd);
        Assert.Equal("2012-01-02", range.FromText);
        Assert.Equal("2012-01-02 → 2012-03-04", range.Describe());
    }

    [Fact]
    public void Parse_MissingOrInvalid_IsAll()
    {
        Assert.Equal(AuditRange.All, AuditRange.Parse(null, "not a date"));
        Assert.Equal("all history", AuditRange.All.Describe());
    }

    [Fact]
    public void Presets_RelativeToTheNewestBatch()
    {
        var presets = AuditRange.Presets(new DateTime(2013, 1, 7, 6, 0, 0, DateTimeKind.Utc));

        Assert.Equal(["all", "12w", "4w"], presets.Select(p => p.Key));
        Assert.Equal(AuditRange.All, presets[0].Range);
        Assert.Equal(new DateTime(2012, 10, 15), presets[1].Range.From);
        Assert.Equal(new DateTime(2012, 12, 10), presets[2].Range.From);
        Assert.Null(presets[2].Range.To);
    }

    [Fact]
    public void Presets_NoBatches_AllAreAll()
    {
        Assert.All(AuditRange.Presets(null), p => Assert.Equal(AuditRange.All, p.Range));
    }
}
