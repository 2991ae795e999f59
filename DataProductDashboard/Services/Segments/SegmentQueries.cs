using DataProductDashboard.Analysis.Segments;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Segments;

/// <summary>What a product's segments are, for pickers (gate editor, behavior page).</summary>
public sealed class SegmentQueries(IDbContextFactory<DashboardDbContext> dbFactory)
{

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

    /// <summary>The key of a segment's support point, which every measured segment of every batch has.</summary>
    public const string SupportKey = Analysis.MetricKeys.Rows;

    /// <summary>The segments ("sex=Female") any measured batch of the product showed: every segment's support point
    /// (<see cref="SupportKey"/>) carries it ("attribute=value"; an A/B arm's segment has no '=').</summary>
    public static async Task<IReadOnlyList<string>> SeenAsync(DashboardDbContext db, int productId, CancellationToken ct) =>
        await db.MetricPoints.AsNoTracking().Where(p => p.ProductId == productId && p.MetricKey == SupportKey && p.Segment != null && p.Segment.Contains("="))
            .Select(p => p.Segment!).Distinct().ToListAsync(ct);
}
