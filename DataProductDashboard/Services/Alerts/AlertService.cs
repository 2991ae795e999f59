using System.Linq.Expressions;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Trail;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Alerts;

/// <summary>Raises alerts without flooding: while an alert with the same key is not resolved, a repeat updates it
/// (count, last seen, latest evidence) instead of raising another. New or escalated alerts go to the notification
/// outbox; acknowledging and resolving record who and when.</summary>
public sealed class AlertService(
    IDbContextFactory<DashboardDbContext> dbFactory,
    NotificationOutbox outbox,
    ProductEvents events,
    TimeProvider clock,
    ILogger<AlertService> logger)
{
    public const int MaxNoteLength = 2000;

    /// <summary>Raises or updates the unresolved alert of <see cref="AlertSignal.Key"/> inside the caller's context;
    /// returns the alert and whether it must be notified (new, or escalated to Critical), in which case its message is
    /// added to the stored notification outbox in the same context (saved with the alert, so it is delivered even if
    /// the app stops right after). Save, then call <see cref="AfterSave"/>.</summary>
    public async Task<(Alert Alert, bool Notify)> RaiseAsync(DashboardDbContext db, AlertSignal signal, bool repeat, CancellationToken ct)
    {
        var open = await db.Alerts.FirstOrDefaultAsync(a => a.ProductId == signal.ProductId && a.Key == signal.Key && a.State != AlertState.Resolved, ct);
        if (open is null)
        {
            open = new Alert
            {
                ProductId = signal.ProductId, Kind = signal.Kind, Key = signal.Key, GateRuleId = signal.GateRuleId, Severity = signal.Severity,
                Title = signal.Title, Message = signal.Message, Link = signal.Link, BatchId = signal.BatchId, Column = signal.Column,
                State = AlertState.Open, Count = 1, FirstSeenAt = signal.At, LastSeenAt = signal.At,
            };
            db.Alerts.Add(open);
            db.NotificationOutbox.Add(new OutboxMessage { Alert = open, CreatedAt = signal.At });
            return (open, true);
        }
        var escalated = signal.Severity == GateSeverity.Critical && open.Severity == GateSeverity.Warning;
        if (!repeat)
            open.Count++;
        if (signal.At >= open.LastSeenAt)
        {
            open.LastSeenAt = signal.At;
            open.Title = signal.Title;
            open.Message = signal.Message;
            open.Link = signal.Link;
            open.BatchId = signal.BatchId;
            open.Column = signal.Column;
        }
        open.FirstSeenAt = signal.At < open.FirstSeenAt ? signal.At : open.FirstSeenAt;
        if (escalated)
        {
            open.Severity = GateSeverity.Critical;
            open.State = AlertState.Open;
            db.NotificationOutbox.Add(new OutboxMessage { Alert = open, CreatedAt = signal.At });
        }
        return (open, escalated);
    }

    /// <summary>Whether the alert of <paramref name="key"/> is open or acknowledged.</summary>
    public static Task<bool> IsUnresolvedAsync(DashboardDbContext db, int productId, string key, CancellationToken ct) =>
        db.Alerts.AnyAsync(a => a.ProductId == productId && a.Key == key && a.State != AlertState.Resolved, ct);

    /// <summary>Resolves the unresolved alert of <paramref name="key"/>, if any, as the system (the condition cleared).</summary>
    public async Task<bool> ClearAsync(DashboardDbContext db, int productId, string key, string note, CancellationToken ct)
    {
        var open = await db.Alerts.FirstOrDefaultAsync(a => a.ProductId == productId && a.Key == key && a.State != AlertState.Resolved, ct);
        if (open is null)
            return false;
        open.State = AlertState.Resolved;
        open.ResolvedAt = clock.GetUtcNow().UtcDateTime;
        open.ResolvedBy = Actor.System.Name;
        open.ResolutionNote = note;
        return true;
    }

    /// <summary>Resolves the unresolved critical alerts of <paramref name="keys"/> (failing release gates of a version)
    /// as waived by <paramref name="waiver"/>, inside the caller's context: resolved by the waiver's author, with its text
    /// and reason as the note and a link to it. Returns how many.</summary>
    public async Task<int> WaiveAsync(DashboardDbContext db, int productId, IReadOnlyCollection<string> keys, WaiverState waiver, CancellationToken ct)
    {
        var open = await db.Alerts.Where(a => a.ProductId == productId && keys.Contains(a.Key) && a.State != AlertState.Resolved && a.Severity == GateSeverity.Critical)
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var alert in open)
        {
            if (alert.AcknowledgedAt is null)
            {
                alert.AcknowledgedBy = waiver.CreatedBy;
                alert.AcknowledgedAt = now;
            }
            alert.State = AlertState.Resolved;
            alert.ResolvedBy = waiver.CreatedBy;
            alert.ResolvedAt = now;
            alert.ResolutionNote = $"{waiver.Text}: {waiver.Reason}";
            alert.WaiverId = waiver.Id;
            logger.LogInformation("Alert {AlertId} of product {ProductId} resolved by waiver {WaiverId}", alert.Id, productId, waiver.Id);
        }
        return open.Count;
    }

    /// <summary>After the caller saved: wakes the notification dispatcher and tells open pages.</summary>
    public void AfterSave(int productId, IEnumerable<Alert> toNotify)
    {
        foreach (var alert in toNotify)
        {
            logger.LogInformation("Alert {AlertId} of product {ProductId}: {Severity} {Title}", alert.Id, alert.ProductId, alert.Severity, alert.Title);
            outbox.Enqueue(alert.Id);
        }
        events.Publish(productId);
    }

    /// <summary>A page of alerts that match <paramref name="filter"/>, in its order; an unknown product is a
    /// <see cref="NotFoundException"/>.</summary>
    public async Task<PagedResult<AlertSummary>> ListAsync(AlertFilter filter, CancellationToken ct)
    {
        Paging.Alerts.Check(filter.Page, filter.PageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (filter.ProductId is { } productId && !await db.Products.AnyAsync(p => p.Id == productId, ct))
            throw new NotFoundException("Data product", productId);
        var query = db.Alerts.AsNoTracking();
        if (filter.ProductId is { } id)
            query = query.Where(a => a.ProductId == id);
        if (filter.OnlyProducts is { } only)
            query = query.Where(a => only.Contains(a.ProductId));
        if (filter.Severity is { } severity)
            query = query.Where(a => a.Severity == severity);
        if (filter.State is { } state)
            query = query.Where(a => a.State == state);
        if (filter.UnresolvedOnly)
            query = query.Where(a => a.State != AlertState.Resolved);
        var total = await query.CountAsync(ct);
        var items = await Project(Order(query, db, filter.Sort, filter.Descending)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize), db).ToListAsync(ct);
        return new PagedResult<AlertSummary>(await WithWaiversAsync(db, items, ct), total);
    }

    public async Task<AlertSummary> GetAsync(int alertId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alert = await Project(db.Alerts.AsNoTracking().Where(a => a.Id == alertId), db).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Alert", alertId);
        return (await WithWaiversAsync(db, [alert], ct))[0];
    }

    /// <summary>Unresolved alerts, for the app bar badge (all products) or a product.</summary>
    public async Task<int> CountOpenAsync(int? productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Alerts.CountAsync(a => a.State == AlertState.Open && (productId == null || a.ProductId == productId), ct);
    }

    public async Task<AlertSummary> AcknowledgeAsync(int alertId, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == alertId, ct) ?? throw new NotFoundException("Alert", alertId);
        if (alert.State == AlertState.Resolved)
            throw new ConflictException($"Alert {alertId} is already resolved (by {alert.ResolvedBy}).");
        if (alert.State == AlertState.Open)
        {
            alert.State = AlertState.Acknowledged;
            alert.AcknowledgedBy = actor.Name;
            alert.AcknowledgedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Alert {AlertId} acknowledged by {Actor}", alertId, actor.Name);
            events.Publish(alert.ProductId);
        }
        return await GetAsync(alertId, ct);
    }

    /// <summary>Resolves an alert with an optional note (trimmed, at most <see cref="MaxNoteLength"/> characters); an alert
    /// nobody acknowledged counts as acknowledged by the resolver at the same time.</summary>
    public async Task<AlertSummary> ResolveAsync(int alertId, Actor actor, string? note, CancellationToken ct)
    {
        if (note?.Trim() is { Length: > MaxNoteLength } tooLong)
            throw new InputValidationException("note", $"The note has {tooLong.Length} characters; at most {MaxNoteLength} are allowed.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == alertId, ct) ?? throw new NotFoundException("Alert", alertId);
        if (alert.State == AlertState.Resolved)
            throw new ConflictException($"Alert {alertId} is already resolved (by {alert.ResolvedBy}).");
        var now = clock.GetUtcNow().UtcDateTime;
        if (alert.AcknowledgedAt is null)
        {
            alert.AcknowledgedBy = actor.Name;
            alert.AcknowledgedAt = now;
        }
        alert.State = AlertState.Resolved;
        alert.ResolvedBy = actor.Name;
        alert.ResolvedAt = now;
        alert.ResolutionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Alert {AlertId} resolved by {Actor}", alertId, actor.Name);
        events.Publish(alert.ProductId);
        return await GetAsync(alertId, ct);
    }

    /// <summary>Orders by the chosen column, then newest last seen first, then id; severity and state by rank, not by name.</summary>
    private static IOrderedQueryable<Alert> Order(IQueryable<Alert> query, DashboardDbContext db, AlertSort sort, bool descending)
    {
        if (sort == AlertSort.LastSeen)
            return descending ? query.OrderByDescending(a => a.LastSeenAt).ThenByDescending(a => a.Id) : query.OrderBy(a => a.LastSeenAt).ThenBy(a => a.Id);
        var ordered = sort switch
        {
            AlertSort.FirstSeen => By(query, a => a.FirstSeenAt, descending),
            AlertSort.Severity => By(query, a => a.Severity == GateSeverity.Critical ? 1 : 0, descending),
            AlertSort.Product => By(query, a => db.Products.Where(p => p.Id == a.ProductId).Select(p => p.Name).First(), descending),
            AlertSort.Title => By(query, a => a.Title, descending),
            AlertSort.Count => By(query, a => a.Count, descending),
            AlertSort.State => By(query, a => a.State == AlertState.Open ? 0 : a.State == AlertState.Acknowledged ? 1 : 2, descending),
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown alert sort."),
        };
        return ordered.ThenByDescending(a => a.LastSeenAt).ThenByDescending(a => a.Id);
    }

    private static IOrderedQueryable<Alert> By<TKey>(IQueryable<Alert> query, Expression<Func<Alert, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    private static IQueryable<AlertSummary> Project(IQueryable<Alert> alerts, DashboardDbContext db) => alerts.Select(a => new AlertSummary(
        a.Id, a.ProductId, db.Products.Where(p => p.Id == a.ProductId).Select(p => p.Name).First(), a.Kind, a.GateRuleId, a.Severity, a.Title, a.Message,
        a.Link, a.BatchId, a.Column, a.State, a.Count, a.FirstSeenAt, a.LastSeenAt, a.AcknowledgedBy, a.AcknowledgedAt, a.ResolvedBy, a.ResolvedAt, a.ResolutionNote)
    {
        WaiverId = a.WaiverId,
        BatchNumber = db.Batches.Where(b => b.Id == a.BatchId).Select(b => (int?)b.Number).FirstOrDefault(),
    });

    private static async Task<List<AlertSummary>> WithWaiversAsync(DashboardDbContext db, List<AlertSummary> alerts, CancellationToken ct)
    {
        var waivers = await ActiveWaivers.ByIdAsync(db, alerts.Where(a => a.WaiverId is not null).Select(a => a.WaiverId!.Value).Distinct().ToList(), ct);
        return alerts.Select(a => a.WaiverId is { } id && waivers.TryGetValue(id, out var waiver) ? a with { Waiver = waiver } : a).ToList();
    }
}
