using DataProductDashboard.Analysis.Schema;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Products;

/// <summary>Changes a product's schema without breaking its history (<see cref="SchemaEvolution"/>): each accepted change
/// is a new version; batches keep the version they were validated against.</summary>
public sealed class ProductSchemaService(IDbContextFactory<DashboardDbContext> dbFactory, Trail.AuditTrail trail, Notifications.ProductEvents events,
    TimeProvider clock, ILogger<ProductSchemaService> logger)
{
    public async Task<IReadOnlyList<SchemaVersionView>> ListVersionsAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Products.AnyAsync(p => p.Id == productId, ct))
            throw new NotFoundException("Data product", productId);
        var versions = await db.SchemaVersions.AsNoTracking().Where(v => v.ProductId == productId).OrderByDescending(v => v.Version).ToListAsync(ct);
        var batches = await db.Batches.AsNoTracking().Where(b => b.ProductId == productId).GroupBy(b => b.SchemaVersion)
            .Select(g => new { Version = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Version, g => g.Count, ct);
        return versions.Select(v => new SchemaVersionView(v.Version, v.Schema, v.CreatedAt, v.CreatedBy,
            v.Changes.Split('\n', StringSplitOptions.RemoveEmptyEntries), batches.GetValueOrDefault(v.Version))).ToList();
    }

    /// <summary>Stores <paramref name="proposed"/> as the next version when every change keeps history readable;
    /// otherwise throws <see cref="InputValidationException"/> with each breaking change and its reason. A proposal
    /// that changes nothing is refused too (nothing to version).</summary>
    public async Task<SchemaVersionView> ChangeAsync(int productId, ProductSchema? proposed, Trail.Actor actor, CancellationToken ct)
    {
        if (proposed is null)
            throw new InputValidationException("schema", "Send the whole new schema: { \"columns\": [...], \"positiveClass\": ..., \"missingMarkers\": [...] }.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);
        ProductWrites.EnsureActive(product);
        var next = product.SchemaVersion + 1;
        var result = SchemaEvolution.Compare(product.Schema, proposed, product.Task, next);
        if (result.Errors.Count > 0)
            throw new InputValidationException(
                $"The schema change would break the history of '{product.Name}': {string.Join(" ", result.Errors.Values.SelectMany(v => v))}", result.Errors);
        if (result.Changes.Count == 0)
            throw new InputValidationException("schema", $"The proposed schema is the same as version {product.SchemaVersion}; nothing to change.");
        var now = clock.GetUtcNow().UtcDateTime;
        product.Schema = result.Schema;
        product.SchemaVersion = next;
        db.SchemaVersions.Add(new ProductSchemaVersion
        {
            ProductId = productId, Version = next, Schema = result.Schema, CreatedAt = now, CreatedBy = actor.Name,
            Changes = string.Join('\n', result.Changes),
        });
        trail.Record(db, productId, actor, TrailAction.SchemaChanged, "schema", $"version {next - 1}", $"version {next}: {string.Join(" ", result.Changes)}");
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Schema of product {ProductId} changed to version {Version} by {Actor}: {Changes}", productId, next, actor.Name, result.Changes.Count);
        events.Publish(productId);
        return new SchemaVersionView(next, result.Schema, now, actor.Name, result.Changes, 0);
    }
}

/// <summary>One schema version, what it changed and how many batches were validated against it.</summary>
public sealed record SchemaVersionView(int Version, ProductSchema Schema, DateTime CreatedAt, string CreatedBy, IReadOnlyList<string> Changes, int Batches);
