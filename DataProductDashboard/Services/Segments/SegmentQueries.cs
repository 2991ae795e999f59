using DataProductDashboard.Analysis.Segments;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Segments;

/// <summary>What a product's segments are, for pickers (gate editor, behavior page).</summary>
public sealed class SegmentQueries(IDbContextFactory<DashboardDbContext> dbFactory)
{
    public const int SeenRuns = 10;

    /// <summary>The segments a gate or chart can name ("sex=female"): each segment attribute's declared values, and the
    /// values its newest measured batches showed.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);
        var segments = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var attribute in SegmentAttributes.Of(product.Schema))
        {
            foreach (var value in product.Schema.Find(attribute)?.AllowedValues ?? [])
                segments.Add(SegmentAttributes.Name(attribute, value));
        }
        segments.UnionWith(await SeenAsync(db, productId, ct));
        return [.. segments];
    }

    /// <summary>The segments ("sex=Female") the product's newest <see cref="SeenRuns"/> measured batches showed.</summary>
    public static async Task<IReadOnlyList<string>> SeenAsync(DashboardDbContext db, int productId, CancellationToken ct)
    {
        var runs = await db.MetricRuns.AsNoTracking().Where(r => r.ProductId == productId && r.Kind == SegmentHistory.RunKind)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Select(r => r.Id).Take(SeenRuns).ToListAsync(ct);
        return runs.Count == 0 ? []
            : await db.MetricPoints.AsNoTracking().Where(p => runs.Contains(p.MetricRunId!.Value) && p.Segment != null).Select(p => p.Segment!).Distinct().ToListAsync(ct);
    }
}
