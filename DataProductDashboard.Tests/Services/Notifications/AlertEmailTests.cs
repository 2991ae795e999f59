using DataProductDashboard.Domain;
using DataProductDashboard.Services.Notifications;

namespace DataProductDashboard.Tests.Services.Notifications;

public sealed class AlertEmailTests
{
    private static AlertNotification Notification(GateSeverity severity = GateSeverity.Critical, bool isTest = false, string title = "Missing share of 'hum' 0.083 > threshold 0.000") =>
        new(1, isTest ? null : 41, 1, "Bike rental demand", AlertKind.Gate, severity, AlertState.Open, title, "Column <hum> & co.", 2,
            new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc),
            "http://localhost:5000/batches/12?column=hum&x=1", 12, "hum", isTest, new DateTime(2026, 3, 2, 9, 31, 0, DateTimeKind.Utc));

    [Fact]
    public void Subject_CriticalAlert_NamesSeverityProductAndTitle() =>
        Assert.Equal("[Critical] Bike rental demand: Missing share of 'hum' 0.083 > threshold 0.000", AlertEmail.Subject(Notification()));

    [Fact]
    public void Subject_TitleWithLineBreaks_StaysOnOneLine() =>
        Assert.Equal("[Warning] Bike rental demand: a b", AlertEmail.Subject(Notification(GateSeverity.Warning, title: "a\r\nb")));

    [Fact]
    public void Subject_Test_SaysTest() => Assert.StartsWith("[Test] Bike rental demand: ", AlertEmail.Subject(Notification(isTest: true)));

    [Fact]
    public void TextBody_Alert_HasTitleMessageFactsAndLink()
    {
        var text = AlertEmail.TextBody(Notification());

        Assert.StartsWith("Critical alert for Bike rental demand", text);
        Assert.Contains("Column <hum> & co.", text);
        Assert.Contains("Seen: 2 times", text);
        Assert.Contains("First seen: 2026-03-01 08:00 UTC", text);
        Assert.Contains("Batch: 12", text);
        Assert.Contains("Evidence: http://localhost:5000/batches/12?column=hum&x=1", text);
    }

    [Fact]
    public void HtmlBody_Alert_EncodesTextAndLinksTheEvidence()
    {
        var html = AlertEmail.HtmlBody(Notification());

        Assert.Contains("Column &lt;hum&gt; &amp; co.", html);
        Assert.Contains("href=\"http://localhost:5000/batches/12?column=hum&amp;x=1\"", html);
        Assert.DoesNotContain("<hum>", html);
    }
}
