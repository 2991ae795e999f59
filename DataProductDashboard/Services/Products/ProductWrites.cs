using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Products;

/// <summary>An archived product is read-only: every service that changes a product asks here first (the API answers
/// 409, the UI shows the reason).</summary>
public static class ProductWrites
{
    public static void EnsureActive(DataProduct product)
    {
        if (product.ArchivedAt is not null)
            throw Refusal(product.Name);
    }

    /// <summary>Throws <see cref="NotFoundException"/> for an unknown product and <see cref="ConflictException"/> for an
    /// archived one.</summary>
    public static async Task EnsureActiveAsync(DashboardDbContext db, int productId, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => new { p.Name, p.ArchivedAt })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Data product", productId);
        if (product.ArchivedAt is not null)
            throw Refusal(product.Name);
    }

    private static ConflictException Refusal(string name) =>
        new($"Data product '{name}' is archived and read-only; restore it from the archive to change it.");
}
