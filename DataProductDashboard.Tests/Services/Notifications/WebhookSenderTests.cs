using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataProductDashboard.Tests.Services.Notifications;

/// <summary>Webhook deliveries against a real HTTP listener on loopback.</summary>
public sealed class WebhookSenderTests : IAsyncLifetime
{
    private static readonly string Secret = WebhookSigner.NewSecret();
    private WebhookReceiver _receiver = null!;
    private NotificationTestHost _host = null!;
    private int _productId;
    private Alert _alert = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        // 15 s per attempt: a busy machine (the suite runs collections side by side on 2 cores) must not turn a slow first
        // answer into a retry — 2 s once did, and the scripted receiver then answered 500 to the last attempt. The timeout
        // test has its own impatient host.
        _host = await NotificationTestHost.CreateAsync(smtpPort: 25, webhookTimeoutSeconds: 15, webhookMaxAttempts: 3);
        _productId = await _host.CreateProductAsync();
        _alert = await _host.RaiseAlertAsync(_productId, GateSeverity.Critical);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private AlertNotification Notification() =>
        AlertNotification.For(_alert, "Bike rental demand", NotificationTestHost.PublicBaseUrl, new DateTime(2026, 3, 2, 9, 31, 0, DateTimeKind.Utc));

    [Fact]
    public async Task SendAsync_ReceiverAnswers200_PostsTheAlertAsJson()
    {
        var url = _receiver.Script("/hooks/ops", 200);

        var result = await _host.Get<WebhookSender>().SendAsync(url, Secret, Notification(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(200, result.StatusCode);
        var received = Assert.Single(_receiver.ReceivedAt("/hooks/ops"));
        Assert.StartsWith("application/json", received.ContentType);
        Assert.StartsWith(WebhookSender.UserAgent, received.UserAgent);
        Assert.Equal("alert", received.Event);
        var json = received.Json;
        Assert.Equal(AlertNotification.CurrentSchemaVersion, json.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(_alert.Id, json.GetProperty("alertId").GetInt32());
        Assert.Equal(_productId, json.GetProperty("productId").GetInt32());
        Assert.Equal("Bike rental demand", json.GetProperty("productName").GetString());
        Assert.Equal("Gate", json.GetProperty("kind").GetString());
        Assert.Equal("Critical", json.GetProperty("severity").GetString());
        Assert.Equal("Open", json.GetProperty("state").GetString());
        Assert.Equal("Missing share of 'hum' 0.083 > threshold 0.000", json.GetProperty("title").GetString());
        Assert.Contains("8.3 %", json.GetProperty("message").GetString());
        Assert.Equal(1, json.GetProperty("count").GetInt32());
        Assert.Equal("2026-03-02T09:30:00Z", json.GetProperty("firstSeenAt").GetString());
        Assert.Equal("2026-03-02T09:30:00Z", json.GetProperty("lastSeenAt").GetString());
        Assert.Equal("https://dashboard.example.test/products/1/quality?column=hum", json.GetProperty("link").GetString());
        Assert.Equal("hum", json.GetProperty("column").GetString());
        Assert.False(json.GetProperty("isTest").GetBoolean());
        received.Verify(Secret);
        Assert.StartsWith("msg_", received.WebhookId);
    }

    [Fact]
    public async Task SendAsync_Retried_KeepsTheMessageIdAndSignsEveryAttempt()
    {
        var url = _receiver.Script("/again", 503, 200);

        var result = await _host.Get<WebhookSender>().SendAsync(url, Secret, Notification(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var attempts = _receiver.ReceivedAt("/again");
        Assert.Equal(2, attempts.Count);
        Assert.Single(attempts.Select(a => a.WebhookId).Distinct());
        Assert.All(attempts, a => a.Verify(Secret));
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() => attempts[0].Verify(WebhookSigner.NewSecret()));
    }

    [Fact]
    public async Task SendAsync_LoopbackNotAllowed_IsRefusedAtConnectTimeWithoutRetryOrTraffic()
    {
        // The same receiver, but through a guard whose allow-list is empty (as in the shipped appsettings.json).
        var options = Microsoft.Extensions.Options.Options.Create(new DataProductDashboard.Configuration.NotificationOptions { WebhookBackoffSeconds = 0.01 });
        var guard = new WebhookTargetGuard(options, NullLogger<WebhookTargetGuard>.Instance);
        using var http = new HttpClient(guard.CreateHandler());
        var sender = new WebhookSender(http, options, TimeProvider.System, NullLogger<WebhookSender>.Instance);
        var url = _receiver.Url("/internal");

        var result = await sender.SendAsync(url, Secret, Notification(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal((1, (int?)null), (result.Attempts, result.StatusCode));
        Assert.Equal("127.0.0.1 resolves to 127.0.0.1, a loopback address; webhooks may not target the host or its private network "
                     + "(allow it in Notifications:AllowedWebhookHosts)", result.Error);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task SendAsync_500TwiceThen200_SucceedsOnTheThirdAttemptAndLogsTheDelivery()
    {
        var url = _receiver.Script("/flaky", 500, 500, 200);
        var channel = await _host.Channels.CreateAsync(_productId, new ChannelRequest("Flaky", ChannelKind.Webhook, url), new("tests"), CancellationToken.None);

        var (delivery, result) = await _host.Get<ChannelSender>().SendAsync(await EntityAsync(channel.Id), Notification(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(3, _receiver.ReceivedAt("/flaky").Count);
        var logged = Assert.Single(await _host.DeliveriesAsync());
        Assert.Equal(delivery.Id, logged.Id);
        Assert.Equal((channel.Id, _alert.Id, 3, true, 200), (logged.ChannelId, logged.AlertId!.Value, logged.Attempts, logged.Succeeded, logged.StatusCode!.Value));
        Assert.False(logged.IsTest);
        Assert.Null(logged.Error);
        Assert.All(_receiver.ReceivedAt("/flaky"), r => r.Verify(Secret));
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(503)]
    public async Task SendAsync_RetryableStatusThen204_Retries(int status)
    {
        var url = _receiver.Script("/retry", status, 204);

        var result = await _host.Get<WebhookSender>().SendAsync(url, Secret, Notification(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(204, result.StatusCode);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(400)]
    [InlineData(401)]
    public async Task SendAsync_ClientError_FailsAfterOneAttempt(int status)
    {
        var url = _receiver.Script("/gone", status);

        var result = await _host.Get<WebhookSender>().SendAsync(url, Secret, Notification(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(status, result.StatusCode);
        Assert.StartsWith($"HTTP {status}", result.Error);
        Assert.DoesNotContain("scripted", result.Error);
        Assert.Single(_receiver.ReceivedAt("/gone"));
    }

    [Fact]
    public async Task SendAsync_500Always_FailsAfterMaxAttemptsWithTheLastStatus()
    {
        var url = _receiver.Script("/down", 500);

        var result = await _host.Get<WebhookSender>().SendAsync(url, Secret, Notification(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(500, result.StatusCode);
        Assert.StartsWith("HTTP 500 Internal Server Error", result.Error);
    }

    [Fact]
    public async Task SendAsync_NoAnswerWithinTimeout_FailsWithAClearError()
    {
        var url = _receiver.Script("/slow", WebhookReceiver.Hang);
        await using var impatient = await NotificationTestHost.CreateAsync(smtpPort: 25, webhookTimeoutSeconds: 0.5);

        var result = await impatient.Get<WebhookSender>().SendAsync(url, Secret, Notification(), CancellationToken.None, maxAttempts: 2);

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Attempts);
        Assert.Null(result.StatusCode);
        Assert.Equal("No answer within 0.5 s (Notifications:WebhookTimeoutSeconds).", result.Error);
        Assert.True(result.DurationMs >= 1000, $"{result.DurationMs} ms for two 0.5 s attempts");
        Assert.Equal(2, _receiver.ReceivedAt("/slow").Count);
    }

    [Fact]
    public async Task SendAsync_NobodyListening_FailsWithAConnectionError()
    {
        var closed = await WebhookReceiver.StartAsync();
        var url = closed.Url("/nobody");
        await closed.DisposeAsync();

        var result = await _host.Get<WebhookSender>().SendAsync(url, Secret, Notification(), CancellationToken.None, maxAttempts: 2);

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Attempts);
        Assert.Null(result.StatusCode);
        Assert.StartsWith($"Could not reach {new Uri(url).Authority}", result.Error);
    }

    [Fact]
    public async Task SendAsync_Redirect_IsNotFollowedAndFails()
    {
        var url = _receiver.Script("/moved", 302);

        var result = await _host.Get<WebhookSender>().SendAsync(url, Secret, Notification(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.Attempts);
        Assert.Contains("redirects are not followed", result.Error);
    }

    private async Task<NotificationChannel> EntityAsync(int channelId)
    {
        var summary = await _host.Channels.GetAsync(_productId, channelId, CancellationToken.None);
        return new NotificationChannel
        {
            Id = summary.Id, ProductId = summary.ProductId, Name = summary.Name, Kind = summary.Kind, Target = summary.Target,
            MinimumSeverity = summary.MinimumSeverity, Enabled = summary.Enabled, CreatedAt = summary.CreatedAt, Secret = Secret,
        };
    }
}
