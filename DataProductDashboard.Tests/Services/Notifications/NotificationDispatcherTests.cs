using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataProductDashboard.Tests.Services.Notifications;

[Trait(Providers.Trait, Providers.Both)]
public sealed class NotificationDispatcherTests : IAsyncLifetime
{
    private static readonly Actor Tester = new("tests");
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private WebhookReceiver _receiver = null!;
    private SmtpSink _sink = null!;
    private NotificationTestHost _host = null!;
    private int _productId;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _sink = await SmtpSink.StartAsync();
        _host = await NotificationTestHost.CreateAsync(_sink.Port);
        _productId = await _host.CreateProductAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _sink.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private async Task<ChannelSummary> AddAsync(string name, ChannelKind kind, string target, GateSeverity minimum = GateSeverity.Warning, bool enabled = true) =>
        await _host.Channels.CreateAsync(_productId, new ChannelRequest(name, kind, target, minimum, enabled), Tester, CancellationToken.None);

    [Fact]
    public async Task DeliverAsync_WarningAlert_SendsOnlyToEnabledChannelsItsSeverityReaches()
    {
        var all = await AddAsync("All alerts", ChannelKind.Webhook, _receiver.Url("/all"));
        await AddAsync("Critical only", ChannelKind.Webhook, _receiver.Url("/critical"), GateSeverity.Critical);
        await AddAsync("Muted", ChannelKind.Webhook, _receiver.Url("/muted"), enabled: false);
        var owners = await AddAsync("Owners", ChannelKind.Email, "owner@example.test");
        await AddAsync("Critical mail", ChannelKind.Email, "pager@example.test", GateSeverity.Critical);
        var alert = await _host.RaiseAlertAsync(_productId, GateSeverity.Warning);

        var outcomes = await _host.Get<NotificationDispatcher>().DeliverAsync(alert.Id, CancellationToken.None);

        Assert.Equal([all.Id, owners.Id], outcomes.Select(o => o.ChannelId).Order());
        Assert.All(outcomes, o => Assert.True(o.Result.Succeeded, o.Result.Error));
        Assert.Equal(["/all"], _receiver.Received.Select(r => r.Path));
        Assert.Equal("Warning", _receiver.Received.Single().Json.GetProperty("severity").GetString());
        var mail = Assert.Single(_sink.Messages);
        Assert.Equal(["owner@example.test"], mail.EnvelopeTo);
        Assert.StartsWith("[Warning] Bike rental demand: ", mail.Message.Subject);
        var deliveries = await _host.DeliveriesAsync();
        Assert.Equal([all.Id, owners.Id], deliveries.Select(d => d.ChannelId).Order());
        Assert.All(deliveries, d => Assert.Equal((alert.Id, _productId, true, false), (d.AlertId!.Value, d.ProductId, d.Succeeded, d.IsTest)));
    }

    [Fact]
    public async Task DeliverAsync_CriticalAlert_ReachesWarningAndCriticalChannels()
    {
        await AddAsync("All alerts", ChannelKind.Webhook, _receiver.Url("/all"));
        await AddAsync("Critical only", ChannelKind.Webhook, _receiver.Url("/critical"), GateSeverity.Critical);
        var alert = await _host.RaiseAlertAsync(_productId, GateSeverity.Critical);

        var outcomes = await _host.Get<NotificationDispatcher>().DeliverAsync(alert.Id, CancellationToken.None);

        Assert.Equal(2, outcomes.Count);
        Assert.Equal(["/all", "/critical"], _receiver.Received.Select(r => r.Path).Order());
    }

    [Fact]
    public async Task DeliverAsync_FailingWebhook_StillDeliversTheEmailAndLogsBoth()
    {
        var broken = await AddAsync("Broken hook", ChannelKind.Webhook, _receiver.Script("/broken", 500));
        var owners = await AddAsync("Owners", ChannelKind.Email, "owner@example.test");
        var alert = await _host.RaiseAlertAsync(_productId, GateSeverity.Critical);

        var outcomes = await _host.Get<NotificationDispatcher>().DeliverAsync(alert.Id, CancellationToken.None);

        Assert.False(outcomes.Single(o => o.ChannelId == broken.Id).Result.Succeeded);
        Assert.True(outcomes.Single(o => o.ChannelId == owners.Id).Result.Succeeded);
        Assert.Single(_sink.Messages);
        var deliveries = await _host.DeliveriesAsync();
        var failed = deliveries.Single(d => d.ChannelId == broken.Id);
        Assert.Equal((false, 3, 500), (failed.Succeeded, failed.Attempts, failed.StatusCode!.Value));
        Assert.StartsWith("HTTP 500", failed.Error);
        Assert.True(deliveries.Single(d => d.ChannelId == owners.Id).Succeeded);
        var listed = await _host.Channels.ListAsync(_productId, CancellationToken.None);
        Assert.False(listed.Single(c => c.Id == broken.Id).LastDelivery!.Succeeded);
        Assert.Equal(alert.Title, listed.Single(c => c.Id == owners.Id).LastDelivery!.AlertTitle);
    }

    [Fact]
    public async Task DeliverAsync_UnknownAlert_SendsNothing()
    {
        await AddAsync("All alerts", ChannelKind.Webhook, _receiver.Url("/all"));

        var outcomes = await _host.Get<NotificationDispatcher>().DeliverAsync(987_654, CancellationToken.None);

        Assert.Empty(outcomes);
        Assert.Empty(_receiver.Received);
        Assert.Empty(await _host.DeliveriesAsync());
    }

    [Fact]
    public async Task ExecuteAsync_AlertsInTheOutbox_AreDeliveredAndAnUnknownIdDoesNotStopTheLoop()
    {
        await AddAsync("All alerts", ChannelKind.Webhook, _receiver.Url("/all"));
        var first = await _host.RaiseAlertAsync(_productId, GateSeverity.Warning, title: "First");
        var second = await _host.RaiseAlertAsync(_productId, GateSeverity.Critical, title: "Second");
        var dispatcher = _host.Get<NotificationDispatcher>();
        var outbox = _host.Get<NotificationOutbox>();
        var logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _host.Get<ProductEvents>().Subscribe(_productId, async () =>
        {
            if ((await _host.DeliveriesAsync()).Count >= 2)
                logged.TrySetResult();
        });
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            outbox.Enqueue(987_654);
            outbox.Enqueue(first.Id);
            outbox.Enqueue(second.Id);

            await logged.Task.WaitAsync(Wait);
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
        Assert.Equal([first.Id, second.Id], _receiver.Received.Select(r => r.Json.GetProperty("alertId").GetInt32()).Order());
        var deliveries = await _host.DeliveriesAsync();
        Assert.Equal([first.Id, second.Id], deliveries.Select(d => d.AlertId!.Value).Order());
        Assert.All(deliveries, d => Assert.True(d.Succeeded));
    }

    [Fact]
    public async Task ExecuteAsync_AlertLeftUnsentByAStoppedProcess_IsSentAtStartExactlyOnce()
    {
        await AddAsync("All alerts", ChannelKind.Webhook, _receiver.Url("/all"));
        // Raised and saved with its outbox message, but the process stopped before the dispatcher heard of it.
        var alert = await _host.RaiseAlertAsync(_productId, GateSeverity.Critical, title: "Raised before the restart");

        var first = ActivatorUtilities.CreateInstance<NotificationDispatcher>(_host.Services);
        await first.StartAsync(CancellationToken.None);
        var received = await _receiver.NextAsync(Wait);
        await WaitUntilAsync(async () => await SentAsync(alert.Id));
        await first.StopAsync(CancellationToken.None);
        // Another start (a second restart) finds nothing left to send.
        var second = ActivatorUtilities.CreateInstance<NotificationDispatcher>(_host.Services);
        await second.StartAsync(CancellationToken.None);
        await Task.Delay(300);
        await second.StopAsync(CancellationToken.None);

        Assert.Equal(alert.Id, received.Json.GetProperty("alertId").GetInt32());
        Assert.Single(_receiver.Received);
        Assert.Single(await _host.DeliveriesAsync());
    }

    [Fact]
    public async Task DeliverUnsentAsync_TwoInstancesAtOnce_SendTheAlertOnce()
    {
        await AddAsync("All alerts", ChannelKind.Webhook, _receiver.Url("/all"));
        var alert = await _host.RaiseAlertAsync(_productId, GateSeverity.Critical, title: "Seen by both instances");
        var a = ActivatorUtilities.CreateInstance<NotificationDispatcher>(_host.Services, new DataProductDashboard.Services.Operations.InstanceIdentity());
        var b = ActivatorUtilities.CreateInstance<NotificationDispatcher>(_host.Services, new DataProductDashboard.Services.Operations.InstanceIdentity());

        await Task.WhenAll(a.DeliverUnsentAsync(alert.Id, CancellationToken.None), b.DeliverUnsentAsync(alert.Id, CancellationToken.None));
        await a.DeliverUnsentAsync(alert.Id, CancellationToken.None);

        Assert.Single(_receiver.Received);
        Assert.Single(await _host.DeliveriesAsync());
        Assert.True(await SentAsync(alert.Id));
    }

    [Fact]
    public async Task DeliverUnsentAsync_ClaimOfADeadInstanceRanOut_SendsIt_ClaimStillRunning_LeavesIt()
    {
        await AddAsync("All alerts", ChannelKind.Webhook, _receiver.Url("/all"));
        var running = await _host.RaiseAlertAsync(_productId, GateSeverity.Critical, title: "Being sent elsewhere");
        var abandoned = await _host.RaiseAlertAsync(_productId, GateSeverity.Critical, title: "Its sender died");
        await using (var db = await _host.Get<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            var now = DateTime.UtcNow;
            await db.NotificationOutbox.Where(m => m.AlertId == running.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimedBy, "live-instance").SetProperty(m => m.ClaimedUntil, now.AddMinutes(4)));
            await db.NotificationOutbox.Where(m => m.AlertId == abandoned.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimedBy, "dead-instance").SetProperty(m => m.ClaimedUntil, now.AddMinutes(-1)));
        }
        var dispatcher = _host.Get<NotificationDispatcher>();

        await dispatcher.DeliverUnsentAsync(running.Id, CancellationToken.None);
        await dispatcher.DeliverUnsentAsync(abandoned.Id, CancellationToken.None);

        var received = Assert.Single(_receiver.Received);
        Assert.Equal(abandoned.Id, received.Json.GetProperty("alertId").GetInt32());
        Assert.False(await SentAsync(running.Id));
        Assert.True(await SentAsync(abandoned.Id));
    }

    private async Task<bool> SentAsync(int alertId)
    {
        await using var db = await _host.Get<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.NotificationOutbox.AnyAsync(m => m.AlertId == alertId && m.SentAt != null);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (!await condition())
            await Task.Delay(20, timeout.Token);
    }

    [Fact]
    public async Task ExecuteAsync_HangingEndpoint_DelaysNeitherOtherChannelsNorOtherAlerts()
    {
        await using var host = await NotificationTestHost.CreateAsync(_sink.Port, webhookTimeoutSeconds: 60);
        var productId = await host.CreateProductAsync();
        var request = (string name, string path) => new ChannelRequest(name, ChannelKind.Webhook, path == "/hang" ? _receiver.Script(path, WebhookReceiver.Hang) : _receiver.Url(path));
        var hanging = await host.Channels.CreateAsync(productId, request("Hanging", "/hang"), Tester, CancellationToken.None);
        await host.Channels.CreateAsync(productId, request("Fast", "/fast"), Tester, CancellationToken.None);
        var first = await host.RaiseAlertAsync(productId, GateSeverity.Warning, title: "First");
        var second = await host.RaiseAlertAsync(productId, GateSeverity.Warning, title: "Second");
        var dispatcher = host.Get<NotificationDispatcher>();
        var outbox = host.Get<NotificationOutbox>();
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            outbox.Enqueue(first.Id);
            outbox.Enqueue(second.Id);

            var arrived = new List<ReceivedWebhook>();
            while (arrived.Count(r => r.Path == "/fast") < 2)
                arrived.Add(await _receiver.NextAsync(Wait));

            Assert.Equal([first.Id, second.Id], arrived.Where(r => r.Path == "/fast").Select(r => r.Json.GetProperty("alertId").GetInt32()).Order());
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
        // Both fast deliveries arrived while the hanging endpoint still held its first attempt open.
        Assert.DoesNotContain(await host.DeliveriesAsync(), d => d.ChannelId == hanging.Id);
    }
}
