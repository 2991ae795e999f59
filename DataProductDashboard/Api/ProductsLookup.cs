using DataProductDashboard.Services.Products;

namespace DataProductDashboard.Api;

/// <summary>Checks a product id before an upload is read, so an unknown id answers 404 without reading the body.</summary>
public sealed class ProductsLookup(ProductService products)
{
    public async Task EnsureExistsAsync(int productId, CancellationToken ct) => await products.GetAsync(productId, ct);
}
