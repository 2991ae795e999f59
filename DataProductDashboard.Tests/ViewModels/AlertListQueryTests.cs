using DataProductDashboard.Domain;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.ViewModels.Alerts;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class AlertListQueryTests
{
    [Fact]
    public void From_NoValues_IsUnresolvedNewestFirst()
    {
        var query = AlertListQuery.From(null, null, null, null, null, null, null);

        Assert.Equal(AlertListQuery.Default, query);
        Assert.Equal(AlertStateFilter.Unresolved, query.State);
        Assert.True(query.ShowsEverythingOpen);
        Assert.False(query.IsFiltered);
    }

    [Fact]
    public void From_ValidValues_KeepsThem()
    {
        var query = AlertListQuery.From(3, "critical", "open", 2, 50, "count", false);

        Assert.Equal(new AlertListQuery(3, GateSeverity.Critical, AlertStateFilter.Open, 2, 50, AlertSort.Count, false), query);
        Assert.True(query.IsFiltered);
        Assert.False(query.ShowsEverythingOpen);
    }

    [Fact]
    public void From_UnknownValues_FallBackToDefaults()
    {
        Assert.Equal(AlertListQuery.Default, AlertListQuery.From(-1, "Huge", "Closed", 0, 7, "Colour", null));
    }

    [Fact]
    public void ToQueryParameters_Default_RemovesEveryParameter()
    {
        Assert.All(AlertListQuery.Default.ToQueryParameters().Values, Assert.Null);
    }

    [Fact]
    public void ToQueryParameters_Filtered_WritesTheShareableState()
    {
        var parameters = new AlertListQuery(1, GateSeverity.Critical, AlertStateFilter.All, 1, 25, AlertSort.Severity, true).ToQueryParameters();

        Assert.Equal(1, parameters["product"]);
        Assert.Equal("Critical", parameters["severity"]);
        Assert.Equal("All", parameters["state"]);
        Assert.Equal("Severity", parameters["sort"]);
        Assert.Null(parameters["desc"]);
    }

    [Fact]
    public void ExportUrl_SpellsOutTheStateSoTheApiExportsTheSameRows()
    {
        Assert.Equal("/api/alerts?format=csv&state=Unresolved&sort=LastSeen&descending=true", AlertListQuery.Default.ExportUrl());
        Assert.Equal("/api/alerts?format=csv&state=Open&sort=Count&descending=false&productId=4&severity=Warning",
            new AlertListQuery(4, GateSeverity.Warning, AlertStateFilter.Open, 3, 10, AlertSort.Count, false).ExportUrl());
    }

    [Fact]
    public void ToFilter_Unresolved_ExcludesResolvedAndKeepsPaging()
    {
        var filter = new AlertListQuery(2, null, AlertStateFilter.Unresolved, 3, 10, AlertSort.Title, false).ToFilter();

        Assert.Equal(new AlertFilter(2, null, null, 3, 10, UnresolvedOnly: true, Sort: AlertSort.Title, Descending: false), filter);
    }
}
