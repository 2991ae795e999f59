using DataProductDashboard.Domain;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.ViewModels.Alerts;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class AlertDisplayTests
{
    private static readonly DateTime At = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static AlertSummary Alert(AlertState state = AlertState.Open, string link = "/batches/12", int? batchId = 12, string? column = null, int count = 5) => new(
        1, 1, "Rentals", AlertKind.Gate, 3, GateSeverity.Critical, "RMSE", "Actual 12 > threshold 10", link, batchId, column, state, count, At.AddHours(-5), At,
        state == AlertState.Open ? null : "alice", state == AlertState.Open ? null : At.AddMinutes(1),
        state == AlertState.Resolved ? "bob" : null, state == AlertState.Resolved ? At.AddMinutes(2) : null, state == AlertState.Resolved ? "retrained" : null) { BatchNumber = batchId };

    [Fact]
    public void Actor_NamesWhoActedLast()
    {
        Assert.Equal("", AlertDisplay.Actor(Alert()));
        Assert.Equal("by alice", AlertDisplay.Actor(Alert(AlertState.Acknowledged)));
        Assert.Equal("by bob", AlertDisplay.Actor(Alert(AlertState.Resolved)));
    }

    [Fact]
    public void History_TellsWhoDidWhatWhen()
    {
        Assert.Equal("Raised 2026-03-01 07:00 UTC; nobody has acknowledged it yet.", AlertDisplay.History(Alert()));
        Assert.Equal("Raised 2026-03-01 07:00 UTC; acknowledged by alice at 2026-03-01 12:01 UTC; resolved by bob at 2026-03-01 12:02 UTC: “retrained”.",
            AlertDisplay.History(Alert(AlertState.Resolved)));
    }

    [Theory]
    [InlineData("/batches/12", 12, null, "Batch #12", "Batch #12")]
    [InlineData("/products/1/drift?column=temp", null, "temp", "Drift · temp", "Drift chart of column temp")]
    [InlineData("/products/1/quality", 4, null, "Quality", "Data quality")]
    [InlineData("/products/1/batches", null, null, "Batches", "The product's batches")]
    [InlineData("", null, "temp", "No evidence", "No evidence link")]
    public void Evidence_SaysWhatTheLinkOpens(string link, int? batchId, string? column, string label, string hint)
    {
        var alert = Alert(link: link, batchId: batchId, column: column);

        Assert.Equal(label, AlertDisplay.Evidence(alert));
        Assert.Equal(hint, AlertDisplay.EvidenceHint(alert));
    }

    [Theory]
    [InlineData("/batches/1", true)]
    [InlineData("//evil.example/x", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://example.com", false)]
    [InlineData("", false)]
    public void IsInApp_OnlyRelativeLinks(string link, bool expected)
    {
        Assert.Equal(expected, AlertDisplay.IsInApp(link));
    }

    [Fact]
    public void Count_IsTimesSeen()
    {
        Assert.Equal("×5", AlertDisplay.Count(Alert()));
        Assert.Equal("×1,200", AlertDisplay.Count(Alert(count: 1200)));
    }
}
