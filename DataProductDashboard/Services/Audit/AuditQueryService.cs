using System.Text.Json;
using DataProductDashboard.Analysis;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Batches;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Audit;

/// <summary>Reads the audit history: metric series (one indexed query each), release markers, latest health.</summary>
public sealed class AuditQueryService(IDbContextFactory<DashboardDbContext> dbFactory)
{
    public async Task<IReadOnlyList<MetricSeriesPoint>> GetSeriesAsync(int productId, string key, string? column, string? segment,
        DateTime? from, DateTime? to, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key))
            throw new InputValidationException("key", "A metric key is required, e.g. drift.share or dq.missing_share.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureProductAsync(db, productId, ct);
        var query = db.MetricPoints.AsNoTracking().Where(p => p.ProductId == productId && p.MetricKey == key);
        if (column is not null)
            query = query.Where(p => p.Column == column);
        if (segment is not null)
            query = query.Where(p => p.Segment == segment);
        if (from is { } f)
            query = query.Where(p => p.At >= f);
        if (to is { } t)
            query = query.Where(p => p.At <= t);
        return await query.OrderBy(p => p.At).ThenBy(p => p.Id)
            .Select(p => new MetricSeriesPoint(p.At, p.Value, p.BatchId,
                db.ModelVersions.Where(v => v.Id == p.ModelVersionId).Select(v => (int?)v.Number).FirstOrDefault(), p.Column, p.Segment))
            .ToListAsync(ct);
    }

    /// <summary>The metric keys (and columns) a product has history for.</summary>
    public async Task<IReadOnlyList<string>> GetKeysAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureProductAsync(db, productId, ct);
        return await db.MetricPoints.AsNoTracking().Where(p => p.ProductId == productId).Select(p => p.MetricKey).Distinct().OrderBy(k => k).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ReleaseMarker>> GetReleasesAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureProductAsync(db, productId, ct);
        return await db.ModelVersions.AsNoTracking().Where(v => v.ProductId == productId && v.PromotedAt != null)
            .OrderBy(v => v.PromotedAt).Select(v => new ReleaseMarker(v.Number, v.PromotedAt!.Value, v.Trainer)).ToListAsync(ct);
    }

    /// <summary>Traffic lights from the newest audited batch.</summary>
    public async Task<AuditHealth> GetHealthAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureProductAsync(db, productId, ct);
        var json = await db.MetricRuns.AsNoTracking().Where(r => r.ProductId == productId && r.Kind == BatchService.AuditRunKind)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Select(r => r.ResultJson).FirstOrDefaultAsync(ct);
        return json is null ? AuditHealth.Unknown : AuditHealth.Of(JsonSerializer.Deserialize<AuditResult>(json, JsonValueConverter.Options)!);
    }

    private static async Task EnsureProductAsync(DashboardDbContext db, int productId, CancellationToken ct)
    {
        if (!await db.Products.AnyAsync(p => p.Id == productId, ct))
            throw new NotFoundException("Data product", productId);
    }
}
