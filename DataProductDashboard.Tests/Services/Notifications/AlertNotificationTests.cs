using System.Text.Json;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Notifications;

namespace DataProductDashboard.Tests.Services.Notifications;

public sealed class AlertNotificationTests
{
    private static readonly DateTime SentAt = new(2026, 3, 2, 9, 31, 0, DateTimeKind.Utc);

    private static Alert Alert(string link) => new()
    {
        Id = 41, ProductId = 1, Kind = AlertKind.Gate, Key = "gate:7", GateRuleId = 7, Severity = GateSeverity.Critical, State = AlertState.Acknowledged,
        Title = "Missing share of 'hum' 0.083 > threshold 0.000", Message = "m", Link = link, BatchId = 12, Column = "hum", Count = 3,
        FirstSeenAt = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc), LastSeenAt = new DateTime(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc),
    };

    [Theory]
    [InlineData("http://localhost:5000", "/batches/12?column=hum", "http://localhost:5000/batches/12?column=hum")]
    [InlineData("https://dash.example.test/", "batches/12", "https://dash.example.test/batches/12")]
    [InlineData("https://dash.example.test/dpd", "/batches/12", "https://dash.example.test/dpd/batches/12")]
    [InlineData("https://dash.example.test", "https://other.example.test/x", "https://other.example.test/x")]
    public void AbsoluteLink_BaseAndInAppLink_JoinsThem(string baseUrl, string link, string expected) =>
        Assert.Equal(expected, AlertNotification.AbsoluteLink(baseUrl, link));

    [Fact]
    public void For_AlertWithoutLink_LinksToTheProduct() =>
        Assert.Equal("http://localhost:5000/products/1", AlertNotification.For(Alert(""), "Bikes", "http://localhost:5000", SentAt).Link);

    [Fact]
    public void Serialize_Alert_IsCamelCaseWithStringEnumsAndUtcTimes()
    {
        var json = JsonDocument.Parse(AlertNotification.For(Alert("/batches/12"), "Bikes", "http://localhost:5000", SentAt).ToJsonBytes()).RootElement;

        Assert.Equal(
            ["schemaVersion", "alertId", "productId", "productName", "kind", "severity", "state", "title", "message", "count", "firstSeenAt", "lastSeenAt",
             "link", "batchId", "column", "isTest", "sentAt", "batchNumber"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Acknowledged", json.GetProperty("state").GetString());
        Assert.Equal("2026-03-01T08:00:00Z", json.GetProperty("firstSeenAt").GetString());
        Assert.Equal(3, json.GetProperty("count").GetInt32());
        Assert.Equal(12, json.GetProperty("batchId").GetInt32());
    }

    [Fact]
    public void Test_Channel_IsMarkedAsTestWithTheChannelsSeverity()
    {
        var channel = new NotificationChannel { Id = 5, ProductId = 2, Name = "Pager", Kind = ChannelKind.Webhook, Target = "https://x.test", MinimumSeverity = GateSeverity.Critical };

        var test = AlertNotification.Test(channel, "Credit risk", "http://localhost:5000", SentAt);

        Assert.True(test.IsTest);
        Assert.Null(test.AlertId);
        Assert.Equal(GateSeverity.Critical, test.Severity);
        Assert.Equal("Test notification for channel 'Pager'", test.Title);
        Assert.Contains("critical alerts of Credit risk", test.Message);
        Assert.Equal("http://localhost:5000/products/2/notifications", test.Link);
    }
}
