using System.Security.Claims;
using DataProductDashboard.Services.Access;
using DataProductDashboard.Hosting.Access;
using DataProductDashboard.Services.Products;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataProductDashboard.Api;

/// <summary>/api/products: the portfolio.</summary>
public static class ProductsApi
{
    public static RouteGroupBuilder MapProductsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/products").WithTags("Products");
        group.MapGet("/", ListAsync).WithSummary("All data products with champion version, batches and rows scored.");
        group.MapPost("/", CreateAsync).RequireAuthorization(DashboardPolicies.Manage).WithSummary("Create a data product with its schema.");
        group.MapGet("/{productId:int}", GetAsync).WithName("GetProduct").WithSummary("One data product with its schema.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ProductSummary>>> ListAsync(ClaimsPrincipal user, ProductService products, CancellationToken ct)
    {
        var all = await products.ListAsync(ct);
        return TypedResults.Ok(user.AllowedProducts() is { } allowed ? all.Where(p => allowed.Contains(p.Id)).ToList() : all);
    }

    private static async Task<Ok<ProductDetail>> GetAsync(int productId, ProductService products, CancellationToken ct) =>
        TypedResults.Ok(await products.GetAsync(productId, ct));

    private static async Task<Created<ProductDetail>> CreateAsync(CreateProductRequest request, ProductService products, CancellationToken ct)
    {
        var created = await products.CreateAsync(request, ct);
        return TypedResults.Created($"/api/products/{created.Id}", created);
    }
}
