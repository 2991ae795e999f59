using DataProductDashboard.Hosting.Access;
using DataProductDashboard.Services.Labels;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataProductDashboard.Api;

/// <summary>/api/products/{productId}/labels: true labels that arrive after scoring.</summary>
public static class LabelsApi
{
    public static RouteGroupBuilder MapLabelsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/products/{productId:int}/labels", UploadAsync).RequireAuthorization(DashboardPolicies.Upload).WithTags("Labels")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("CSV of row key + label (multipart field 'file' or a text/csv body): joins stored predictions by row key and recomputes performance and concept drift of the affected batches.");
        return api;
    }

    private static async Task<Ok<LabelUploadResult>> UploadAsync(int productId, HttpRequest request, LabelService labels, ProductsLookup lookup, CancellationToken ct)
    {
        await lookup.EnsureExistsAsync(productId, ct);
        var upload = await UploadReader.ReadAsync(request, ["text/csv"], "labels.csv", ct);
        return TypedResults.Ok(await labels.UploadAsync(productId, upload.Content, upload.FileName, ct));
    }
}
