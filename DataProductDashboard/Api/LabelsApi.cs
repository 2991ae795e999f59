using DataProductDashboard.Hosting.Access;
using DataProductDashboard.Services.Labels;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataProductDashboard.Api;

/// <summary>/api/products/{productId}/labels: true labels that arrive after scoring.</summary>
public static class LabelsApi
{
    public static RouteGroupBuilder MapLabelsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/products/{productId:int}/labels", UploadAsync).WithName("UploadLabels").AcceptsUpload(["text/csv"]).RequireAuthorization(DashboardPolicies.Upload).WithTags("Labels").Produces<LabelUploadResult>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("CSV of row key + label (multipart field 'file' or a text/csv body): joins stored predictions by row key and recomputes performance and concept drift of the affected batches; honours Idempotency-Key.");
        return api;
    }

    private static async Task<IResult> UploadAsync(int productId, HttpContext context, LabelService labels, ProductsLookup lookup, CancellationToken ct)
    {
        await lookup.EnsureExistsAsync(productId, ct);
        using var upload = await UploadReader.ReadAsync(context.Request, ["text/csv"], "labels.csv", ct);
        return await Idempotency.RunAsync(context, upload,
            async () => new ApiAnswer(StatusCodes.Status200OK, null, await labels.UploadAsync(productId, upload.Content, upload.FileName, ct)), ct);
    }
}
