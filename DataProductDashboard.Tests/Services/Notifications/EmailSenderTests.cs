using System.Net;
using System.Net.Sockets;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Services.Notifications;

/// <summary>E-mail deliveries through a real SMTP server started in the test.</summary>
public sealed class EmailSenderTests
{
    private static readonly DateTime SentAt = new(2026, 3, 2, 9, 31, 0, DateTimeKind.Utc);

    [Fact]
    public async Task SendAsync_ServerAccepts_DeliversToEveryAddressWithSubjectBodiesAndLink()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var host = await NotificationTestHost.CreateAsync(sink.Port);
        var productId = await host.CreateProductAsync();
        var alert = await host.RaiseAlertAsync(productId, GateSeverity.Critical);
        var notification = AlertNotification.For(alert, "Bike rental demand", NotificationTestHost.PublicBaseUrl, SentAt);

        var result = await host.Get<EmailSender>().SendAsync("ops@example.test, Owner <owner@example.test>", notification, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(250, result.StatusCode);
        var mail = Assert.Single(sink.Messages);
        Assert.Equal(["ops@example.test", "owner@example.test"], mail.EnvelopeTo.Order());
        var message = mail.Message;
        Assert.Equal(["ops@example.test", "owner@example.test"], message.To.Mailboxes.Select(m => m.Address).Order());
        Assert.Equal("dashboard@example.test", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("[Critical] Bike rental demand: Missing share of 'hum' 0.083 > threshold 0.000", message.Subject);
        const string link = "https://dashboard.example.test/products/1/quality?column=hum";
        Assert.Contains("Missing share of 'hum' 0.083 > threshold 0.000", message.TextBody);
        Assert.Contains(link, message.TextBody);
        Assert.Contains("Critical alert for Bike rental demand", message.TextBody);
        Assert.Contains("Missing share of &#39;hum&#39; 0.083 &gt; threshold 0.000", message.HtmlBody);
        Assert.Contains($"href=\"{link}\"", message.HtmlBody);
        Assert.Equal(alert.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), message.Headers["X-Dashboard-Alert-Id"]);
    }

    [Fact]
    public async Task SendAsync_TestMessage_SubjectSaysTest()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var host = await NotificationTestHost.CreateAsync(sink.Port);
        var channel = new DataProductDashboard.Data.Entities.NotificationChannel
        {
            Id = 3, ProductId = 1, Name = "Owners", Kind = ChannelKind.Email, Target = "owner@example.test", MinimumSeverity = GateSeverity.Warning,
        };

        var result = await host.Get<EmailSender>().SendAsync(channel.Target,
            AlertNotification.Test(channel, "Credit risk", NotificationTestHost.PublicBaseUrl, SentAt), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var message = (await sink.NextAsync(TimeSpan.FromSeconds(10))).Message;
        Assert.Equal("[Test] Credit risk: Test notification for channel 'Owners'", message.Subject);
        Assert.Contains("no alert was raised", message.TextBody);
        Assert.Contains("https://dashboard.example.test/products/1/notifications", message.TextBody);
        Assert.Equal("test", message.Headers["X-Dashboard-Event"]);
    }

    [Fact]
    public async Task SendAsync_NoServerListening_FailsWithAConnectionError()
    {
        var port = FreePort();
        await using var host = await NotificationTestHost.CreateAsync(port);
        var productId = await host.CreateProductAsync();
        var alert = await host.RaiseAlertAsync(productId, GateSeverity.Warning);

        var result = await host.Get<EmailSender>().SendAsync("ops@example.test",
            AlertNotification.For(alert, "Bike rental demand", NotificationTestHost.PublicBaseUrl, SentAt), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.Attempts);
        Assert.Null(result.StatusCode);
        Assert.StartsWith($"Could not connect to the SMTP server 127.0.0.1:{port}", result.Error);
    }

    /// <summary>A loopback port nothing listens on (bound by the OS, then released).</summary>
    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
