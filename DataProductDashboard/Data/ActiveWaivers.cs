using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Data;

/// <summary>The unexpired release waivers of a product's versions: what lets a version with failing critical release
/// gates be promoted, and what pages show instead of "Failed".</summary>
public static class ActiveWaivers
{
    /// <summary>Per model version id, its unexpired waiver that lasts longest.</summary>
    public static async Task<Dictionary<int, WaiverState>> OfProductAsync(DashboardDbContext db, int productId, DateTime now, CancellationToken ct)
    {
        var rows = await db.ReleaseWaivers.AsNoTracking().Where(w => w.ProductId == productId && w.ExpiresAt > now)
            .Join(db.ModelVersions, w => w.ModelVersionId, v => v.Id, (w, v) => new { Waiver = w, v.Number }).ToListAsync(ct);
        return rows.GroupBy(r => r.Waiver.ModelVersionId).ToDictionary(g => g.Key, g =>
        {
            var r = g.OrderByDescending(x => x.Waiver.ExpiresAt).ThenByDescending(x => x.Waiver.Id).First();
            return Of(r.Waiver, r.Number);
        });
    }

    /// <summary>A version's unexpired waiver that lasts longest, if any.</summary>
    public static async Task<WaiverState?> OfVersionAsync(DashboardDbContext db, int productId, int versionId, DateTime now, CancellationToken ct) =>
        (await OfProductAsync(db, productId, now, ct)).GetValueOrDefault(versionId);

    /// <summary>The waivers with these ids (expired ones too: an alert a waiver resolved keeps naming it).</summary>
    public static async Task<Dictionary<int, WaiverState>> ByIdAsync(DashboardDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        var rows = await db.ReleaseWaivers.AsNoTracking().Where(w => ids.Contains(w.Id))
            .Join(db.ModelVersions, w => w.ModelVersionId, v => v.Id, (w, v) => new { Waiver = w, v.Number }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Waiver.Id, r => Of(r.Waiver, r.Number));
    }

    public static WaiverState Of(Entities.ReleaseWaiver w, int versionNumber) =>
        new(w.Id, w.ProductId, versionNumber, w.Reason, w.ExpiresAt, w.CreatedBy, w.CreatedAt);
}
