using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Tests.Services.Notifications;

public sealed class NotificationChannelServiceTests : IAsyncLifetime
{
    private static readonly Actor Ann = new("ann");
    private WebhookReceiver _receiver = null!;
    private NotificationTestHost _host = null!;
    private int _productId;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _host = await NotificationTestHost.CreateAsync(smtpPort: 25);
        _productId = await _host.CreateProductAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private NotificationChannelService Channels => _host.Channels;

    [Fact]
    public async Task CreateAsync_ValidWebhook_StoresItWithDefaultsAndRecordsTheTrail()
    {
        var created = await Channels.CreateAsync(_productId, new ChannelRequest("  Ops hook ", ChannelKind.Webhook, " https://hooks.example.test/a?token=x "), Ann,
            CancellationToken.None);

        Assert.Equal(("Ops hook", "https://hooks.example.test/a?token=x", GateSeverity.Warning, true), (created.Name, created.Target, created.MinimumSeverity, created.Enabled));
        Assert.Null(created.LastDelivery);
        Assert.StartsWith("whsec_", created.Secret);
        Assert.Equal(created with { Secret = null }, Assert.Single(await Channels.ListAsync(_productId, CancellationToken.None)));
        Assert.Null((await Channels.GetAsync(_productId, created.Id, CancellationToken.None)).Secret);
        var entry = Assert.Single(await _host.Get<AuditTrail>().ListAsync(_productId, 10, CancellationToken.None));
        Assert.Equal((TrailAction.ChannelCreated, "ann", "Webhook channel 'Ops hook'"), (entry.Action, entry.Actor, entry.Subject));
        Assert.Contains("https://hooks.example.test/a?token=x", entry.After);
    }

    [Fact]
    public async Task CreateAsync_EmailAddressesWithSemicolonsAndSpaces_AreStoredCommaSeparated()
    {
        var created = await Channels.CreateAsync(_productId, new ChannelRequest("Owners", ChannelKind.Email, " a@example.test;b@example.test ,  Ops <ops@example.test>"),
            Ann, CancellationToken.None);

        Assert.Equal("a@example.test, b@example.test, Ops <ops@example.test>", created.Target);
    }

    [Theory]
    [InlineData(null, "Webhook", "https://x.test", "name", "A name is required.")]
    [InlineData("   ", "Webhook", "https://x.test", "name", "A name is required.")]
    [InlineData("Hook", "Webhook", "", "target", "A webhook URL is required.")]
    [InlineData("Hook", "Webhook", "hooks.example.test/a", "target", "'hooks.example.test/a' is not an absolute http:// or https:// URL.")]
    [InlineData("Hook", "Webhook", "ftp://hooks.example.test/a", "target", "'ftp://hooks.example.test/a' is not an absolute http:// or https:// URL.")]
    [InlineData("Hook", "Webhook", "/api/hook", "target", "'/api/hook' is not an absolute http:// or https:// URL.")]
    [InlineData("Mail", "Email", " , ", "target", "At least one e-mail address is required.")]
    [InlineData("Mail", "Email", "ops@example.test, not-an-address", "target", "'not-an-address' is not an e-mail address.")]
    [InlineData("Mail", "Email", "a@b@c, @x.test", "target", "'a@b@c', '@x.test' are not e-mail addresses.")]
    [InlineData("Hook", "InApp", "https://x.test", "kind", "In-app alerts are always on; a channel is a Webhook or Email.")]
    [InlineData("Hook", null, "https://x.test", "kind", "Choose Webhook or Email.")]
    public async Task CreateAsync_InvalidInput_ThrowsErrorsKeyedByField(string? name, string? kind, string target, string field, string message)
    {
        var request = new ChannelRequest(name, kind is null ? null : Enum.Parse<ChannelKind>(kind), target);

        var ex = await Assert.ThrowsAsync<InputValidationException>(() => Channels.CreateAsync(_productId, request, Ann, CancellationToken.None));

        Assert.Equal([message], ex.Errors[field]);
        Assert.Empty(await Channels.ListAsync(_productId, CancellationToken.None));
    }

    [Fact]
    public async Task CreateAsync_NameLongerThan200_IsRejected()
    {
        var ex = await Assert.ThrowsAsync<InputValidationException>(() =>
            Channels.CreateAsync(_productId, new ChannelRequest(new string('n', 201), ChannelKind.Webhook, "https://x.test"), Ann, CancellationToken.None));

        Assert.Equal(["The name is longer than 200 characters."], ex.Errors["name"]);
    }

    [Fact]
    public async Task CreateAsync_TwentyOneAddresses_IsRejectedAndTwentyAreFine()
    {
        var twenty = string.Join(",", Enumerable.Range(1, 20).Select(i => $"user{i}@example.test"));

        await Channels.CreateAsync(_productId, new ChannelRequest("Twenty", ChannelKind.Email, twenty), Ann, CancellationToken.None);
        var ex = await Assert.ThrowsAsync<InputValidationException>(() =>
            Channels.CreateAsync(_productId, new ChannelRequest("Too many", ChannelKind.Email, twenty + ",one.more@example.test"), Ann, CancellationToken.None));

        Assert.Equal(["21 addresses; a channel sends to at most 20."], ex.Errors["target"]);
    }

    [Fact]
    public async Task CreateAsync_NameTakenInTheProduct_IsRejected()
    {
        await Channels.CreateAsync(_productId, new ChannelRequest("Ops", ChannelKind.Webhook, "https://x.test"), Ann, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<InputValidationException>(() =>
            Channels.CreateAsync(_productId, new ChannelRequest("ops", ChannelKind.Email, "ops@example.test"), Ann, CancellationToken.None));

        Assert.Equal(["This product already has a channel named 'ops'."], ex.Errors["name"]);
    }

    [Fact]
    public async Task Operations_UnknownProductOrChannel_ThrowNotFound()
    {
        var request = new ChannelRequest("Ops", ChannelKind.Webhook, "https://x.test");
        await Assert.ThrowsAsync<NotFoundException>(() => Channels.CreateAsync(999, request, Ann, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => Channels.ListAsync(999, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => Channels.UpdateAsync(_productId, 999, request, Ann, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => Channels.DeleteAsync(_productId, 999, Ann, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => Channels.SendTestAsync(_productId, 999, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => Channels.ListDeliveriesAsync(_productId, 999, 10, CancellationToken.None));
        var other = await _host.CreateProductAsync("Other product");
        var foreign = await Channels.CreateAsync(other, request, Ann, CancellationToken.None);
        await Assert.ThrowsAsync<NotFoundException>(() => Channels.GetAsync(_productId, foreign.Id, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_Changes_AreSavedAndTheTrailHasBeforeAndAfter()
    {
        var created = await Channels.CreateAsync(_productId, new ChannelRequest("Ops", ChannelKind.Webhook, "https://x.test/a"), Ann, CancellationToken.None);

        var updated = await Channels.UpdateAsync(_productId, created.Id,
            new ChannelRequest("Ops mail", ChannelKind.Email, "ops@example.test", GateSeverity.Critical, false), new Actor("bob"), CancellationToken.None);

        Assert.Equal(("Ops mail", ChannelKind.Email, "ops@example.test", GateSeverity.Critical, false),
            (updated.Name, updated.Kind, updated.Target, updated.MinimumSeverity, updated.Enabled));
        var entry = (await _host.Get<AuditTrail>().ListAsync(_productId, 10, CancellationToken.None))[0];
        Assert.Equal((TrailAction.ChannelUpdated, "bob"), (entry.Action, entry.Actor));
        Assert.Equal("Ops · Webhook → https://x.test/a · warnings and critical · enabled", entry.Before);
        Assert.Equal("Ops mail · Email → ops@example.test · critical only · disabled", entry.After);
    }

    [Fact]
    public async Task DeleteAsync_Channel_IsGoneWithItsDeliveriesAndTheTrailSaysWho()
    {
        var created = await Channels.CreateAsync(_productId, new ChannelRequest("Ops", ChannelKind.Webhook, _receiver.Url("/ops")), Ann, CancellationToken.None);
        await Channels.SendTestAsync(_productId, created.Id, CancellationToken.None);

        await Channels.DeleteAsync(_productId, created.Id, new Actor("carol"), CancellationToken.None);

        Assert.Empty(await Channels.ListAsync(_productId, CancellationToken.None));
        Assert.Empty(await _host.DeliveriesAsync());
        var entry = (await _host.Get<AuditTrail>().ListAsync(_productId, 10, CancellationToken.None))[0];
        Assert.Equal((TrailAction.ChannelDeleted, "carol", "Webhook channel 'Ops'"), (entry.Action, entry.Actor, entry.Subject));
    }

    [Fact]
    public async Task SendTestAsync_Webhook_DeliversATestPayloadAndLogsATestDelivery()
    {
        var created = await Channels.CreateAsync(_productId,
            new ChannelRequest("Ops", ChannelKind.Webhook, _receiver.Url("/ops"), GateSeverity.Critical, Enabled: false), Ann, CancellationToken.None);

        var delivery = await Channels.SendTestAsync(_productId, created.Id, CancellationToken.None);

        Assert.True(delivery.Succeeded, delivery.Error);
        Assert.True(delivery.IsTest);
        Assert.Equal((1, 200, created.Id, "Ops"), (delivery.Attempts, delivery.StatusCode!.Value, delivery.ChannelId, delivery.ChannelName));
        var json = Assert.Single(_receiver.Received).Json;
        Assert.True(json.GetProperty("isTest").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("alertId").ValueKind);
        Assert.Equal("Critical", json.GetProperty("severity").GetString());
        Assert.Equal($"{NotificationTestHost.PublicBaseUrl}/products/{_productId}/notifications", json.GetProperty("link").GetString());
        var listed = Assert.Single(await Channels.ListAsync(_productId, CancellationToken.None));
        Assert.Equal(delivery.Id, listed.LastDelivery!.Id);
        Assert.True(listed.LastDelivery.IsTest);
    }

    [Fact]
    public async Task SendTestAsync_FailingEndpoint_MakesOneAttemptAndReturnsTheError()
    {
        var created = await Channels.CreateAsync(_productId, new ChannelRequest("Down", ChannelKind.Webhook, _receiver.Script("/down", 503)), Ann, CancellationToken.None);

        var delivery = await Channels.SendTestAsync(_productId, created.Id, CancellationToken.None);

        Assert.False(delivery.Succeeded);
        Assert.Equal((1, 503), (delivery.Attempts, delivery.StatusCode!.Value));
        Assert.Equal("HTTP 503 Service Unavailable", delivery.Error);
        var logged = Assert.Single(await _host.DeliveriesAsync());
        Assert.Equal(("HTTP 503 Service Unavailable", 503), (logged.Error, logged.StatusCode!.Value));
    }

    [Theory]
    [InlineData("http://10.0.0.1/hook", "http://10.0.0.1/hook resolves to 10.0.0.1, a private-network address")]
    [InlineData("http://127.0.0.2:9/", "http://127.0.0.2:9/ resolves to 127.0.0.2, a loopback address")]
    [InlineData("http://localhost:9/", "http://localhost:9/ names localhost, a loopback address")]
    public async Task CreateAsync_TargetOnTheHostOrItsNetwork_IsRefusedUnlessAllowed(string url, string reason)
    {
        var ex = await Assert.ThrowsAsync<InputValidationException>(() =>
            Channels.CreateAsync(_productId, new ChannelRequest("Internal", ChannelKind.Webhook, url), Ann, CancellationToken.None));

        Assert.Equal([$"{reason}; webhooks may not target the host or its private network (allow it in Notifications:AllowedWebhookHosts)"], ex.Errors["target"]);
        Assert.Equal(Channels.TargetError(ChannelKind.Webhook, url), ex.Errors["target"][0]);
        Assert.Empty(await Channels.ListAsync(_productId, CancellationToken.None));
    }

    [Fact]
    public async Task SendTestAsync_StoredTargetNoLongerAllowed_IsRefusedAtSendTimeAndNothingArrives()
    {
        var created = await Channels.CreateAsync(_productId, new ChannelRequest("Ops", ChannelKind.Webhook, _receiver.Url("/ops")), Ann, CancellationToken.None);
        // As if saved before the guard existed, or under an allow-list that has since been narrowed.
        var internalUrl = _receiver.Url("/ops").Replace("127.0.0.1", "127.0.0.2", StringComparison.Ordinal);
        await UpdateStoredAsync(created.Id, c => c.Target = internalUrl);

        var delivery = await Channels.SendTestAsync(_productId, created.Id, CancellationToken.None);

        Assert.False(delivery.Succeeded);
        Assert.Equal((1, (int?)null), (delivery.Attempts, delivery.StatusCode));
        Assert.StartsWith("127.0.0.2 resolves to 127.0.0.2, a loopback address; webhooks may not target", delivery.Error);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task Channel_UrlWithCredentials_IsShownMaskedInTheSummaryAndTrailAndSentUnmasked()
    {
        var url = _receiver.Url("/cred").Replace("http://", "http://robot:s3cr3t@", StringComparison.Ordinal);

        var created = await Channels.CreateAsync(_productId, new ChannelRequest("Ops", ChannelKind.Webhook, url), Ann, CancellationToken.None);
        var delivery = await Channels.SendTestAsync(_productId, created.Id, CancellationToken.None);

        Assert.Equal(WebhookUrl.Mask(url), created.Target);
        Assert.StartsWith("http://***@127.0.0.1:", created.Target);
        Assert.Equal(created.Target, (await Channels.GetAsync(_productId, created.Id, CancellationToken.None)).Target);
        var entry = Assert.Single(await _host.Get<AuditTrail>().ListAsync(_productId, 10, CancellationToken.None));
        Assert.DoesNotContain("s3cr3t", entry.After);
        Assert.Contains("http://***@127.0.0.1:", entry.After);
        Assert.True(delivery.Succeeded, delivery.Error);
        Assert.Single(_receiver.ReceivedAt("/cred"));
    }

    [Fact]
    public async Task UpdateAsync_MaskedTargetSentBack_KeepsTheStoredCredentials()
    {
        var url = _receiver.Url("/cred").Replace("http://", "http://robot:s3cr3t@", StringComparison.Ordinal);
        var created = await Channels.CreateAsync(_productId, new ChannelRequest("Ops", ChannelKind.Webhook, url), Ann, CancellationToken.None);

        var updated = await Channels.UpdateAsync(_productId, created.Id, created.ToRequest() with { Enabled = false }, Ann, CancellationToken.None);
        var changed = await Channels.UpdateAsync(_productId, created.Id, updated.ToRequest() with { Target = url.Replace("s3cr3t", "n3w", StringComparison.Ordinal) },
            Ann, CancellationToken.None);

        Assert.Equal((created.Target, false), (updated.Target, updated.Enabled));
        Assert.Null(updated.Secret);
        Assert.Equal(url.Replace("s3cr3t", "n3w", StringComparison.Ordinal), (await StoredAsync(created.Id)).Target);
        var trail = await _host.Get<AuditTrail>().ListAsync(_productId, 10, CancellationToken.None);
        Assert.EndsWith("· disabled", trail[1].After);
        Assert.EndsWith("· disabled · credentials changed", trail[0].After);
        Assert.All(trail, e => Assert.DoesNotContain("n3w", e.After + e.Before));
        Assert.Equal(created.Target, changed.Target);
    }

    [Fact]
    public async Task RotateSecretAsync_Webhook_HandsOutANewSecretOnceAndDeliveriesAreSignedWithIt()
    {
        var created = await Channels.CreateAsync(_productId, new ChannelRequest("Ops", ChannelKind.Webhook, _receiver.Url("/ops")), Ann, CancellationToken.None);

        var rotated = await Channels.RotateSecretAsync(_productId, created.Id, new Actor("bob"), CancellationToken.None);
        await Channels.SendTestAsync(_productId, created.Id, CancellationToken.None);

        Assert.StartsWith("whsec_", rotated.Secret);
        Assert.NotEqual(created.Secret, rotated.Secret);
        Assert.Null((await Channels.GetAsync(_productId, created.Id, CancellationToken.None)).Secret);
        var received = Assert.Single(_receiver.Received);
        received.Verify(rotated.Secret!);
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() => received.Verify(created.Secret!));
        var entry = (await _host.Get<AuditTrail>().ListAsync(_productId, 10, CancellationToken.None))[0];
        Assert.Equal((TrailAction.ChannelSecretRotated, "bob"), (entry.Action, entry.Actor));
        Assert.DoesNotContain(rotated.Secret!, entry.After);
    }

    [Fact]
    public async Task RotateSecretAsync_EmailChannel_IsRejected()
    {
        var created = await Channels.CreateAsync(_productId, new ChannelRequest("Owners", ChannelKind.Email, "owner@example.test"), Ann, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<InputValidationException>(() => Channels.RotateSecretAsync(_productId, created.Id, Ann, CancellationToken.None));

        Assert.Null(created.Secret);
        Assert.Equal(["Channel 'Owners' sends e-mail; only webhooks are signed."], ex.Errors["kind"]);
    }

    [Fact]
    public async Task SendTestAsync_WebhookSavedBeforeSigning_GetsASecretOnItsFirstDelivery()
    {
        var created = await Channels.CreateAsync(_productId, new ChannelRequest("Old", ChannelKind.Webhook, _receiver.Url("/old")), Ann, CancellationToken.None);
        await UpdateStoredAsync(created.Id, c => c.Secret = null);

        await Channels.SendTestAsync(_productId, created.Id, CancellationToken.None);
        await Channels.SendTestAsync(_productId, created.Id, CancellationToken.None);

        var secret = (await StoredAsync(created.Id)).Secret;
        Assert.StartsWith("whsec_", secret);
        Assert.All(_receiver.ReceivedAt("/old"), r => r.Verify(secret!));
        Assert.Equal(2, _receiver.ReceivedAt("/old").Count);
    }

    private async Task<NotificationChannel> StoredAsync(int channelId)
    {
        await using var db = await _host.Get<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.NotificationChannels.AsNoTracking().SingleAsync(c => c.Id == channelId);
    }

    private async Task UpdateStoredAsync(int channelId, Action<NotificationChannel> change)
    {
        await using var db = await _host.Get<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        change(await db.NotificationChannels.SingleAsync(c => c.Id == channelId));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task ListDeliveriesAsync_ChannelFilterAndTake_NarrowTheLogNewestFirst()
    {
        var a = await Channels.CreateAsync(_productId, new ChannelRequest("A", ChannelKind.Webhook, _receiver.Url("/a")), Ann, CancellationToken.None);
        var b = await Channels.CreateAsync(_productId, new ChannelRequest("B", ChannelKind.Webhook, _receiver.Url("/b")), Ann, CancellationToken.None);
        var first = await Channels.SendTestAsync(_productId, a.Id, CancellationToken.None);
        await Channels.SendTestAsync(_productId, b.Id, CancellationToken.None);
        var third = await Channels.SendTestAsync(_productId, a.Id, CancellationToken.None);

        var all = await Channels.ListDeliveriesAsync(_productId, null, 100, CancellationToken.None);
        var onlyA = await Channels.ListDeliveriesAsync(_productId, a.Id, 100, CancellationToken.None);
        var newest = await Channels.ListDeliveriesAsync(_productId, null, 1, CancellationToken.None);

        Assert.Equal(3, all.Count);
        Assert.Equal([third.Id, first.Id], onlyA.Select(d => d.Id));
        Assert.Equal(third.Id, Assert.Single(newest).Id);
        await Assert.ThrowsAsync<InputValidationException>(() => Channels.ListDeliveriesAsync(_productId, null, 0, CancellationToken.None));
    }
}
