using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Trail;

/// <summary>Records promotions, waivers, rollbacks, gate and channel edits (who, when, what, before → after) and
/// lists them per product, newest first.</summary>
public sealed class AuditTrail(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Adds an entry to <paramref name="db"/>, to be saved with the change it describes.</summary>
    public void Record(DashboardDbContext db, int productId, Actor actor, TrailAction action, string subject, string? before = null, string? after = null) =>
        db.AuditTrail.Add(new AuditTrailEntry
        {
            ProductId = productId, At = clock.GetUtcNow().UtcDateTime, Actor = actor.Name, Action = action,
            Subject = subject, Before = before, After = after,
        });

    public async Task<IReadOnlyList<TrailEntry>> ListAsync(int productId, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Products.AnyAsync(p => p.Id == productId, ct))
            throw new NotFoundException("Data product", productId);
        return await db.AuditTrail.AsNoTracking().Where(e => e.ProductId == productId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(Math.Clamp(take, 1, 10_000))
            .Select(e => new TrailEntry(e.Id, e.At, e.Actor, e.Action, e.Subject, e.Before, e.After)).ToListAsync(ct);
    }
}
