using DataProductDashboard.Domain;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.ViewModels.Notifications;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class NotificationDisplayTests
{
    private static DeliverySummary Delivery(bool succeeded, int attempts = 1, int? status = 200, string? error = null, double ms = 120,
        ChannelKind kind = ChannelKind.Webhook, bool isTest = false, int? alertId = 41, string? title = "Drift") =>
        new(1, 1, "Ops", kind, alertId, title, isTest, new DateTime(2026, 3, 2, 9, 31, 0, DateTimeKind.Utc), attempts, succeeded, status, error, ms);

    [Theory]
    [InlineData(true, 1, 120.4, null, "Delivered in 120 ms")]
    [InlineData(true, 3, 2450, null, "Delivered in 2.5 s (3 attempts)")]
    [InlineData(false, 1, 30, "HTTP 404 Not Found", "Failed: HTTP 404 Not Found")]
    [InlineData(false, 3, 30, "HTTP 500 Internal Server Error", "Failed after 3 attempts: HTTP 500 Internal Server Error")]
    public void Outcome_Delivery_ReadsAsASentence(bool succeeded, int attempts, double ms, string? error, string expected) =>
        Assert.Equal(expected, NotificationDisplay.Outcome(Delivery(succeeded, attempts, error: error, ms: ms)));

    [Fact]
    public void Chip_Deliveries_ShowStatusByKind()
    {
        Assert.Equal("Delivered", NotificationDisplay.Chip(Delivery(true)));
        Assert.Equal("Test delivered", NotificationDisplay.Chip(Delivery(true, isTest: true)));
        Assert.Equal("HTTP 500", NotificationDisplay.Chip(Delivery(false, status: 500)));
        Assert.Equal("SMTP 550", NotificationDisplay.Chip(Delivery(false, status: 550, kind: ChannelKind.Email)));
        Assert.Equal("Failed", NotificationDisplay.Chip(Delivery(false, status: null)));
    }

    [Fact]
    public void Subject_Deliveries_NameTheAlertOrTheTest()
    {
        Assert.Equal("Drift", NotificationDisplay.Subject(Delivery(true)));
        Assert.Equal("Test message", NotificationDisplay.Subject(Delivery(true, isTest: true)));
        Assert.Equal("Alert 41", NotificationDisplay.Subject(Delivery(true, title: null)));
        Assert.Equal("Deleted alert", NotificationDisplay.Subject(Delivery(true, alertId: null, title: null)));
    }

    [Theory]
    [InlineData(ChannelKind.Webhook, "https://hooks.slack.example/services/T000/B000/XXXXXXXXXXXXXXXX", "https://hooks.slack.example/services/T000/B000/…")]
    [InlineData(ChannelKind.Webhook, "https://hooks.example.test/a?token=secret", "https://hooks.example.test/a?…")]
    [InlineData(ChannelKind.Email, "a@example.test, b@example.test", "a@example.test, b@example.test")]
    public void Target_LongOrTokenBearingUrls_AreShortened(ChannelKind kind, string target, string expected) =>
        Assert.Equal(expected, NotificationDisplay.Target(kind, target));

    [Fact]
    public void Severity_Minimum_ReadsAsWhatIsSent()
    {
        Assert.Equal("Warning and above", NotificationDisplay.Severity(GateSeverity.Warning));
        Assert.Equal("Critical only", NotificationDisplay.Severity(GateSeverity.Critical));
    }
}
