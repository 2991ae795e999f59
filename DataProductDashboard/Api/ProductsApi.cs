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
        group.MapPost("/", CreateAsync).RequireAuthorization(DashboardPolicies.Contribute).WithName("CreateProduct")
            .WithSummary("Create a data product with its schema (the body infer-schema proposes).");
        group.MapPost("/infer-schema", InferSchemaAsync).RequireAuthorization(DashboardPolicies.Contribute).WithName("InferProductSchema")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Propose a product from a sample CSV (multipart field 'file'; optional fields name, label, positiveClass, markers = comma-separated missing-value markers): the body POST /api/products takes, plus 'inference' (per-column missing cells by marker, distinct values, ranges, categories, notes, the first rows).");
        group.MapGet("/{productId:int}", GetAsync).WithName("GetProduct").WithSummary("One data product with its schema.");
        group.MapPut("/{productId:int}", UpdateAsync).RequireAuthorization(DashboardPolicies.Manage).WithName("UpdateProduct")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Rename a product and set its description and owner: { name, description, owner }; recorded in the audit trail.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ProductSummary>>> ListAsync(ClaimsPrincipal user, ProductService products, CancellationToken ct)
    {
        var all = await products.ListAsync(ct);
        return TypedResults.Ok(user.AllowedProducts() is { } allowed ? all.Where(p => allowed.Contains(p.Id)).ToList() : all);
    }

    private static async Task<Ok<ProductDetail>> GetAsync(int productId, ProductService products, CancellationToken ct) =>
        TypedResults.Ok(await products.GetAsync(productId, ct));

    private static async Task<Ok<ProductDetail>> UpdateAsync(int productId, ProductDetailsInput input, ClaimsPrincipal user, ProductService products,
        CancellationToken ct) =>
        TypedResults.Ok(await products.UpdateDetailsAsync(productId, input, Services.Trail.Actor.From(user), ct));

    private static async Task<Ok<InferredProduct>> InferSchemaAsync(HttpRequest request, SchemaInferenceService inference, CancellationToken ct)
    {
        using var upload = await UploadReader.ReadAsync(request, ["text/csv"], "sample.csv", ct);
        var markers = upload.Field("markers")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var choices = new InferenceChoices(upload.Field("name"), markers, upload.Field("label"), upload.Field("positiveClass"));
        return TypedResults.Ok(await inference.InferAsync(upload.File, choices, ct));
    }

    private static async Task<Created<ProductDetail>> CreateAsync(CreateProductRequest request, ProductService products, CancellationToken ct)
    {
        var created = await products.CreateAsync(request, ct);
        return TypedResults.Created($"/api/products/{created.Id}", created);
    }
}
