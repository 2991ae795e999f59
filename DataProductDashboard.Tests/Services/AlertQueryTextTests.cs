using DataProductDashboard.Domain;
using DataProductDashboard.Services.Alerts;

namespace DataProductDashboard.Tests.Services;

public sealed class AlertQueryTextTests
{
    [Theory]
    [InlineData("Critical", GateSeverity.Critical)]
    [InlineData(" warning ", GateSeverity.Warning)]
    public void TryParseSeverity_NameInAnyCase_Parses(string text, GateSeverity expected)
    {
        Assert.True(AlertQueryText.TryParseSeverity(text, out var severity, out var error));
        Assert.Equal(expected, severity);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("Huge")]
    [InlineData("1")]
    [InlineData("")]
    public void TryParseSeverity_NotAName_SaysWhatIsAccepted(string text)
    {
        Assert.False(AlertQueryText.TryParseSeverity(text, out _, out var error));
        Assert.Equal($"'{text}' is not a severity; use Warning or Critical.", error);
    }

    [Fact]
    public void TryParseState_UnresolvedAndAll_AreStates()
    {
        Assert.True(AlertQueryText.TryParseState("unresolved", out var unresolved, out _));
        Assert.True(AlertQueryText.TryParseState("ALL", out var all, out _));
        Assert.False(AlertQueryText.TryParseState("Closed", out _, out var error));

        Assert.Equal(AlertStateFilter.Unresolved, unresolved);
        Assert.Equal(AlertStateFilter.All, all);
        Assert.Equal("'Closed' is not an alert state; use Unresolved, Open, Acknowledged, Resolved or All.", error);
    }

    [Fact]
    public void TryParseSort_KnownColumn_Parses()
    {
        Assert.True(AlertQueryText.TryParseSort("firstseen", out var sort, out _));
        Assert.Equal(AlertSort.FirstSeen, sort);
    }
}
