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
        group.MapGet("/", ListAsync).WithName("ListProducts").WithSummary("All data products with champion version, batches and rows scored.");
        group.MapPost("/", CreateAsync).RequireAuthorization(DashboardPolicies.Contribute).WithName("CreateProduct")
            .WithSummary("Create a data product with its schema (the body infer-schema proposes).");
        group.MapPost("/infer-schema", InferSchemaAsync).RequireAuthorization(DashboardPolicies.Contribute).WithName("InferProductSchema").AcceptsUpload(["text/csv"],
                new UploadField("name", "The product's name."),
                new UploadField("label", "The label column."),
                new UploadField("positiveClass", "Binary: the positive class."),
                new UploadField("markers", "Missing-value markers, comma-separated (e.g. NA,-)."))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Propose a product from a sample CSV (multipart field 'file'; optional fields name, label, positiveClass, markers = comma-separated missing-value markers): the body POST /api/products takes, plus 'inference' (per-column missing cells by marker, distinct values, ranges, categories, notes, the first rows).");
        group.MapGet("/{productId:int}", GetAsync).WithName("GetProduct").WithSummary("One data product with its schema.");
        group.MapPut("/{productId:int}", UpdateAsync).RequireAuthorization(DashboardPolicies.Manage).WithName("UpdateProduct")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Set a product's details: { name, description, owner, timeZone (IANA, e.g. \"Asia/Shanghai\"; null = UTC; dates are shown in it, the API stays UTC), retentionDays (days row-level predictions and batch files are kept; null = forever) }. A PUT replaces them all; recorded in the audit trail. The cadence has its own route (PUT /cadence).");
        group.MapPost("/{productId:int}/archive", ArchiveAsync).RequireAuthorization(DashboardPolicies.Manage).WithName("ArchiveProduct")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Archive a product: read-only (every change answers 409), hidden from GET /api/products unless includeArchived=true; its open alerts are resolved.");
        group.MapPost("/{productId:int}/restore", RestoreAsync).RequireAuthorization(DashboardPolicies.Manage).WithName("RestoreProduct")
            .ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Bring an archived product back: writable and listed again.");
        group.MapDelete("/{productId:int}", DeleteAsync).RequireAuthorization(DashboardPolicies.Admin).WithName("DeleteProduct")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Delete a product with all its data (batches, predictions, models, metrics, gates, alerts, KPIs, trail) and the files nothing else uses. ?confirm= must repeat its name exactly. Refused while one of its jobs runs.");
        group.MapGet("/{productId:int}/schema/versions", SchemaVersionsAsync).WithName("ListSchemaVersions")
            .WithSummary("The product's schema versions, newest first: the schema, what changed, who changed it and how many batches were validated against it.");
        group.MapPut("/{productId:int}/schema", ChangeSchemaAsync).RequireAuthorization(DashboardPolicies.Manage).WithName("ChangeProductSchema")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Propose the whole new schema ({ columns, positiveClass, missingMarkers }). Accepted (a new version): new nullable columns, columns made nullable, wider allowed values or ranges, segment flags, markers. Anything that would break stored batches or models is refused with the reason, per column.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ProductSummary>>> ListAsync(HttpRequest request, ClaimsPrincipal user, ProductService products, CancellationToken ct)
    {
        var all = await products.ListAsync(ct, includeArchived: QueryRules.Flag(request.Query, "includeArchived"));
        return TypedResults.Ok(user.AllowedProducts() is { } allowed ? all.Where(p => allowed.Contains(p.Id)).ToList() : all);
    }

    private static async Task<Ok<ProductDetail>> GetAsync(int productId, ProductService products, CancellationToken ct) =>
        TypedResults.Ok(await products.GetAsync(productId, ct));

    private static async Task<Ok<ProductDetail>> UpdateAsync(int productId, ProductDetailsInput input, ClaimsPrincipal user, ProductService products,
        CancellationToken ct) =>
        TypedResults.Ok(await products.UpdateDetailsAsync(productId, input, Services.Trail.Actor.From(user), ct));

    private static async Task<Ok<ProductDetail>> ArchiveAsync(int productId, ClaimsPrincipal user, ProductLifecycleService lifecycle,
        CancellationToken ct) =>
        TypedResults.Ok(await lifecycle.ArchiveAsync(productId, Services.Trail.Actor.From(user), ct));

    private static async Task<Ok<ProductDetail>> RestoreAsync(int productId, ClaimsPrincipal user, ProductLifecycleService lifecycle,
        CancellationToken ct) =>
        TypedResults.Ok(await lifecycle.RestoreAsync(productId, Services.Trail.Actor.From(user), ct));

    private static async Task<Ok<ProductDeletion>> DeleteAsync(int productId, string? confirm, ClaimsPrincipal user, ProductLifecycleService lifecycle,
        CancellationToken ct) =>
        TypedResults.Ok(await lifecycle.DeleteAsync(productId, confirm, Services.Trail.Actor.From(user), ct));

    private static async Task<Ok<IReadOnlyList<SchemaVersionView>>> SchemaVersionsAsync(int productId, ProductSchemaService schemas, CancellationToken ct) =>
        TypedResults.Ok(await schemas.ListVersionsAsync(productId, ct));

    private static async Task<Ok<SchemaVersionView>> ChangeSchemaAsync(int productId, Domain.ProductSchema? schema, ClaimsPrincipal user,
        ProductSchemaService schemas, CancellationToken ct) =>
        TypedResults.Ok(await schemas.ChangeAsync(productId, schema, Services.Trail.Actor.From(user), ct));

    private static async Task<Ok<InferredProduct>> InferSchemaAsync(HttpRequest request, SchemaInferenceService inference, CancellationToken ct)
    {
        using var upload = await UploadReader.ReadAsync(request, ["text/csv"], "sample.csv", ct);
        var markers = upload.Field("markers")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var choices = new InferenceChoices(upload.Field("name"), markers, upload.Field("label"), upload.Field("positiveClass"));
        return TypedResults.Ok(await inference.InferAsync(upload.File, choices, ct));
    }

    private static async Task<Created<ProductDetail>> CreateAsync(CreateProductRequest request, ClaimsPrincipal user, ProductService products, CancellationToken ct)
    {
        var created = await products.CreateAsync(request, ct, Services.Trail.Actor.From(user));
        return TypedResults.Created($"/api/products/{created.Id}", created);
    }
}
