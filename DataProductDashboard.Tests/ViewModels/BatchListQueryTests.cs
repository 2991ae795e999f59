using DataProductDashboard.Services.Batches;
using DataProductDashboard.ViewModels.Batches;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class BatchListQueryTests
{
    [Fact]
    public void From_NoValues_IsNewestFirstPageOne()
    {
        Assert.Equal(BatchListQuery.Default, BatchListQuery.From(null, null, null, null, null));
    }

    [Fact]
    public void From_ValidValues_KeepsThem()
    {
        var query = BatchListQuery.From(2, 50, "rows", false, "  2011 ");

        Assert.Equal(new BatchListQuery(2, 50, BatchSort.Rows, false, "2011"), query);
    }

    [Fact]
    public void From_OutOfRangeValues_FallsBackToDefaults()
    {
        var query = BatchListQuery.From(-3, 7, "NoSuchColumn", null, " ");

        Assert.Equal(BatchListQuery.Default, query);
    }

    [Fact]
    public void ToQueryParameters_Defaults_RemovesEveryParameter()
    {
        Assert.All(BatchListQuery.Default.ToQueryParameters().Values, Assert.Null);
    }

    [Fact]
    public void ToQueryParameters_NonDefaults_WritesShareableValues()
    {
        var parameters = new BatchListQuery(2, 25, BatchSort.Rows, false, "x").ToQueryParameters();

        Assert.Equal(2, parameters["page"]);
        Assert.Equal("Rows", parameters["sort"]);
        Assert.Equal("false", parameters["desc"]);
        Assert.Equal("x", parameters["q"]);
        Assert.Null(parameters["size"]);
    }

    [Fact]
    public void ExportUrl_Defaults_PassesNewestFirst() =>
        Assert.Equal("/api/products/7/batches?format=csv&sort=ReceivedAt&descending=true", BatchListQuery.Default.ExportUrl(7));

    [Fact]
    public void ExportUrl_SortedAndFiltered_PassesSortDirectionAndEscapedFilter() =>
        Assert.Equal("/api/products/7/batches?format=csv&sort=Rows&descending=false&q=week%202%26x",
            new BatchListQuery(3, 50, BatchSort.Rows, false, "week 2&x").ExportUrl(7));
}
