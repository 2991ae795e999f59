using DataProductDashboard.Configuration;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Trail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Notifications;

/// <summary>A product's webhook and e-mail channels: list (with each one's latest delivery), create, update, delete,
/// rotate a webhook's signing secret (each change in the audit trail), send a test message, and the delivery log.
/// Webhook targets are checked by <see cref="WebhookTargetGuard"/> when saved, and shown with their credentials
/// masked; an update that sends the masked URL back keeps the stored credentials.</summary>
public sealed class NotificationChannelService(
    IDbContextFactory<DashboardDbContext> dbFactory,
    ChannelSender sender,
    WebhookTargetGuard guard,
    AuditTrail trail,
    ProductEvents events,
    PublicBaseUrl publicBaseUrl,
    TimeProvider clock,
    ILogger<NotificationChannelService> logger)
{
    public const int MaxDeliveries = 10_000;

    public async Task<IReadOnlyList<ChannelSummary>> ListAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureProductAsync(db, productId, ct);
        var channels = await db.NotificationChannels.AsNoTracking().Where(c => c.ProductId == productId).OrderBy(c => c.Name).ThenBy(c => c.Id).ToListAsync(ct);
        return await SummarizeAsync(db, channels, ct);
    }

    public async Task<ChannelSummary> GetAsync(int productId, int channelId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureProductAsync(db, productId, ct);
        var channel = await db.NotificationChannels.AsNoTracking().FirstOrDefaultAsync(c => c.ProductId == productId && c.Id == channelId, ct)
            ?? throw ChannelNotFound(productId, channelId);
        return (await SummarizeAsync(db, [channel], ct))[0];
    }

    /// <summary>Creates the channel; a webhook gets a new signing secret, returned in <see cref="ChannelSummary.Secret"/>
    /// this once.</summary>
    public async Task<ChannelSummary> CreateAsync(int productId, ChannelRequest request, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Products.ProductWrites.EnsureActiveAsync(db, productId, ct);
        await EnsureProductAsync(db, productId, ct);
        await ValidateAsync(db, productId, null, request, ct);
        var channel = new NotificationChannel
        {
            ProductId = productId, Name = request.Name!.Trim(), Kind = request.Kind!.Value, Target = ChannelRules.Normalize(request.Kind, request.Target),
            MinimumSeverity = request.MinimumSeverity ?? GateSeverity.Warning, Enabled = request.Enabled ?? true, CreatedAt = clock.GetUtcNow().UtcDateTime,
            Secret = request.Kind == ChannelKind.Webhook ? WebhookSigner.NewSecret() : null,
        };
        db.NotificationChannels.Add(channel);
        trail.Record(db, productId, actor, TrailAction.ChannelCreated, Subject(channel), after: Describe(channel));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Channel {ChannelId} ({Kind}) of product {ProductId} created by {Actor}", channel.Id, channel.Kind, productId, actor.Name);
        events.Publish(productId);
        return await GetAsync(productId, channel.Id, ct) with { Secret = channel.Secret };
    }

    public async Task<ChannelSummary> UpdateAsync(int productId, int channelId, ChannelRequest request, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Products.ProductWrites.EnsureActiveAsync(db, productId, ct);
        await EnsureProductAsync(db, productId, ct);
        var channel = await db.NotificationChannels.FirstOrDefaultAsync(c => c.ProductId == productId && c.Id == channelId, ct)
            ?? throw ChannelNotFound(productId, channelId);
        // The summary showed the URL with its credentials masked: sending that back keeps the stored ones.
        if (channel.Kind == ChannelKind.Webhook && request.Kind == ChannelKind.Webhook
            && ChannelRules.Normalize(request.Kind, request.Target) == WebhookUrl.Mask(channel.Target))
            request = request with { Target = channel.Target };
        await ValidateAsync(db, productId, channelId, request, ct);
        var before = Describe(channel);
        var (stateBefore, subjectBefore, kindBefore) = (State(channel), Subject(channel), channel.Kind);
        channel.Name = request.Name!.Trim();
        channel.Kind = request.Kind!.Value;
        channel.Target = ChannelRules.Normalize(request.Kind, request.Target);
        channel.MinimumSeverity = request.MinimumSeverity ?? channel.MinimumSeverity;
        channel.Enabled = request.Enabled ?? channel.Enabled;
        string? newSecret = null;
        if (channel.Kind != ChannelKind.Webhook)
            channel.Secret = null;
        else if (kindBefore != ChannelKind.Webhook)
            channel.Secret = newSecret = WebhookSigner.NewSecret();
        var after = Describe(channel);
        if (stateBefore != State(channel))
        {
            if (before == after)
                after += " · credentials changed";
            trail.Record(db, productId, actor, TrailAction.ChannelUpdated, subjectBefore, before, after);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Channel {ChannelId} of product {ProductId} updated by {Actor}", channelId, productId, actor.Name);
            events.Publish(productId);
        }
        return await GetAsync(productId, channelId, ct) with { Secret = newSecret };
    }

    /// <summary>Gives a webhook channel a new signing secret, returned in <see cref="ChannelSummary.Secret"/> this once;
    /// the old one stops working at once.</summary>
    public async Task<ChannelSummary> RotateSecretAsync(int productId, int channelId, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Products.ProductWrites.EnsureActiveAsync(db, productId, ct);
        await EnsureProductAsync(db, productId, ct);
        var channel = await db.NotificationChannels.FirstOrDefaultAsync(c => c.ProductId == productId && c.Id == channelId, ct)
            ?? throw ChannelNotFound(productId, channelId);
        if (channel.Kind != ChannelKind.Webhook)
            throw new InputValidationException("kind", $"Channel '{channel.Name}' sends e-mail; only webhooks are signed.");
        channel.Secret = WebhookSigner.NewSecret();
        trail.Record(db, productId, actor, TrailAction.ChannelSecretRotated, Subject(channel), after: "New signing secret");
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Signing secret of channel {ChannelId} of product {ProductId} rotated by {Actor}", channelId, productId, actor.Name);
        events.Publish(productId);
        return await GetAsync(productId, channelId, ct) with { Secret = channel.Secret };
    }

    /// <summary>What is wrong with a target of this kind, or null: <see cref="ChannelRules.TargetError"/>, then for a
    /// webhook <see cref="WebhookTargetGuard.TargetError"/> (no DNS lookup). The edit dialog checks as you type with it.</summary>
    public string? TargetError(ChannelKind? kind, string? target) =>
        ChannelRules.TargetError(kind, target) ?? (kind == ChannelKind.Webhook ? guard.TargetError(target!) : null);

    public async Task DeleteAsync(int productId, int channelId, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Products.ProductWrites.EnsureActiveAsync(db, productId, ct);
        await EnsureProductAsync(db, productId, ct);
        var channel = await db.NotificationChannels.FirstOrDefaultAsync(c => c.ProductId == productId && c.Id == channelId, ct)
            ?? throw ChannelNotFound(productId, channelId);
        db.NotificationChannels.Remove(channel);
        trail.Record(db, productId, actor, TrailAction.ChannelDeleted, Subject(channel), before: Describe(channel));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Channel {ChannelId} of product {ProductId} deleted by {Actor}", channelId, productId, actor.Name);
        events.Publish(productId);
    }

    /// <summary>Sends a test message through the channel now (one attempt, so the answer comes quickly), logs it as a
    /// test delivery and returns it. Works for a disabled channel too: that is how one checks it before enabling.</summary>
    public async Task<DeliverySummary> SendTestAsync(int productId, int channelId, CancellationToken ct)
    {
        NotificationChannel channel;
        string productName;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            productName = await db.Products.Where(p => p.Id == productId).Select(p => p.Name).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("Data product", productId);
            channel = await db.NotificationChannels.AsNoTracking().FirstOrDefaultAsync(c => c.ProductId == productId && c.Id == channelId, ct)
                ?? throw ChannelNotFound(productId, channelId);
        }
        var notification = AlertNotification.Test(channel, productName, publicBaseUrl.Value, clock.GetUtcNow().UtcDateTime);
        var (delivery, result) = await sender.SendAsync(channel, notification, ct, maxAttempts: 1);
        events.Publish(productId);
        return new DeliverySummary(delivery.Id, channel.Id, channel.Name, channel.Kind, null, null, true, delivery.At,
            result.Attempts, result.Succeeded, result.StatusCode, result.Error, result.DurationMs);
    }

    /// <summary>The delivery log of a product (or one of its channels), newest first.</summary>
    public async Task<IReadOnlyList<DeliverySummary>> ListDeliveriesAsync(int productId, int? channelId, int take, CancellationToken ct)
    {
        if (take is < 1 or > MaxDeliveries)
            throw new InputValidationException("take", $"take must be between 1 and {MaxDeliveries}.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureProductAsync(db, productId, ct);
        if (channelId is { } id && !await db.NotificationChannels.AnyAsync(c => c.ProductId == productId && c.Id == id, ct))
            throw ChannelNotFound(productId, id);
        var deliveries = db.NotificationDeliveries.AsNoTracking().Where(d => d.ProductId == productId);
        if (channelId is { } only)
            deliveries = deliveries.Where(d => d.ChannelId == only);
        return await (
            from d in deliveries
            join c in db.NotificationChannels on d.ChannelId equals c.Id
            orderby d.At descending, d.Id descending
            select new DeliverySummary(d.Id, d.ChannelId, c.Name, c.Kind, d.AlertId,
                db.Alerts.Where(a => a.Id == d.AlertId).Select(a => a.Title).FirstOrDefault(),
                d.IsTest, d.At, d.Attempts, d.Succeeded, d.StatusCode, d.Error, d.DurationMs)).Take(take).ToListAsync(ct);
    }

    private static async Task EnsureProductAsync(DashboardDbContext db, int productId, CancellationToken ct)
    {
        if (!await db.Products.AnyAsync(p => p.Id == productId, ct))
            throw new NotFoundException("Data product", productId);
    }

    private async Task ValidateAsync(DashboardDbContext db, int productId, int? channelId, ChannelRequest request, CancellationToken ct)
    {
        var errors = ChannelRules.Validate(request);
        if (request.Kind == ChannelKind.Webhook && !errors.ContainsKey("target") && guard.TargetError(request.Target!) is { } refused)
            errors["target"] = [refused];
        if (!errors.ContainsKey("name"))
        {
            var name = request.Name!.Trim();
            var taken = await db.NotificationChannels.Where(c => c.ProductId == productId && c.Id != channelId).Select(c => c.Name).ToListAsync(ct);
            if (taken.Any(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase)))
                errors["name"] = [$"This product already has a channel named '{name}'."];
        }
        if (errors.Count > 0)
            throw new InputValidationException(string.Join(" ", errors.Values.Select(v => v[0])), errors);
    }

    private static NotFoundException ChannelNotFound(int productId, int channelId) =>
        new($"Data product {productId} has no notification channel {channelId}.");

    private static string Subject(NotificationChannel channel) => $"{channel.Kind} channel '{channel.Name}'";

    private static (string, ChannelKind, string, GateSeverity, bool) State(NotificationChannel channel) =>
        (channel.Name, channel.Kind, channel.Target, channel.MinimumSeverity, channel.Enabled);

    /// <summary>The target as shown: webhook URLs with their credentials masked.</summary>
    private static string Shown(NotificationChannel channel) => channel.Kind == ChannelKind.Webhook ? WebhookUrl.Mask(channel.Target) : channel.Target;

    private static string Describe(NotificationChannel channel) =>
        $"{channel.Name} · {channel.Kind} → {Shown(channel)} · {(channel.MinimumSeverity == GateSeverity.Critical ? "critical only" : "warnings and critical")} · {(channel.Enabled ? "enabled" : "disabled")}";

    /// <summary>The channels with their latest delivery (the last one logged).</summary>
    private static async Task<IReadOnlyList<ChannelSummary>> SummarizeAsync(DashboardDbContext db, IReadOnlyList<NotificationChannel> channels, CancellationToken ct)
    {
        var ids = channels.Select(c => c.Id).ToList();
        var latestIds = await db.NotificationDeliveries.Where(d => ids.Contains(d.ChannelId)).GroupBy(d => d.ChannelId).Select(g => g.Max(d => d.Id)).ToListAsync(ct);
        var latest = await (
            from d in db.NotificationDeliveries.AsNoTracking()
            where latestIds.Contains(d.Id)
            select new { d, AlertTitle = db.Alerts.Where(a => a.Id == d.AlertId).Select(a => a.Title).FirstOrDefault() }).ToListAsync(ct);
        var byChannel = latest.ToDictionary(x => x.d.ChannelId);
        return channels.Select(c => new ChannelSummary(c.Id, c.ProductId, c.Name, c.Kind, Shown(c), c.MinimumSeverity, c.Enabled, c.CreatedAt,
            byChannel.TryGetValue(c.Id, out var last)
                ? new DeliverySummary(last.d.Id, c.Id, c.Name, c.Kind, last.d.AlertId, last.AlertTitle, last.d.IsTest, last.d.At, last.d.Attempts,
                    last.d.Succeeded, last.d.StatusCode, last.d.Error, last.d.DurationMs)
                : null)).ToList();
    }
}
