using DataProductDashboard.Domain;
using DataProductDashboard.ViewModels.Formatting;
using DataProductDashboard.ViewModels.Time;
using DataProductDashboard.ViewModels.Gates;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class GatesPageQueryTests
{
    [Fact]
    public void From_NothingOrNonsense_IsTheRulesTabUnfiltered()
    {
        Assert.Equal(GatesPageQuery.Default, GatesPageQuery.From(null, null, null, null, null, null, null));
        Assert.Equal(GatesPageQuery.Default, GatesPageQuery.From("nope", -3, "Great", "fortnight", "yesterday", "2026-13-45", 0));
        Assert.DoesNotContain(GatesPageQuery.Default.ToQueryParameters(), p => p.Value is not null);
    }

    [Fact]
    public void From_HistoryFilters_AreReadCaseInsensitivelyAndWrittenBack()
    {
        var query = GatesPageQuery.From("History", 4, "failed", null, "2011-09-01", "2011-12-31", 2);

        Assert.Equal(GatesPageQuery.History, query.Tab);
        Assert.Equal(2, query.TabIndex);
        Assert.Equal(4, query.RuleId);
        Assert.Equal(GateStatus.Failed, query.Status);
        Assert.True(query.HasFilters);
        Assert.Equal(new Dictionary<string, object?>
        {
            ["range"] = null, ["tab"] = "history", ["rule"] = 4, ["status"] = "Failed", ["from"] = "2011-09-01", ["to"] = "2011-12-31", ["page"] = 2,
        }, query.ToQueryParameters());
    }

    [Fact]
    public void ToFilter_StatusOnlyWhenAskedAndTheWholeLastDay()
    {
        var query = GatesPageQuery.From("history", 4, "Warning", null, "2011-09-01", "2011-09-30", 3);
        var window = query.Range.Resolve(null, null, ZonedDisplay.Utc);

        var all = query.ToFilter(withStatus: false, 5000, window);
        var table = query.ToFilter(withStatus: true, 5000, window);

        Assert.Null(all.Status);
        Assert.Equal(GateStatus.Warning, table.Status);
        Assert.Equal((4, 1, 5000), (all.RuleId, all.Page, all.PageSize));
        Assert.Equal(new DateTime(2011, 9, 1, 0, 0, 0, DateTimeKind.Utc), all.From);
        Assert.Equal(new DateTime(2011, 10, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(-1), all.To);
    }

    [Fact]
    public void WithTab_ClampsTheIndex()
    {
        Assert.Equal(GatesPageQuery.Trail, GatesPageQuery.Default.WithTab(9).Tab);
        Assert.Equal(GatesPageQuery.Rules, GatesPageQuery.Default.WithTab(-1).Tab);
        Assert.False((GatesPageQuery.Default with { Range = TimeRange.Default }).HasFilters);
        Assert.True((GatesPageQuery.Default with { Range = TimeRange.All }).HasFilters);
    }
}
