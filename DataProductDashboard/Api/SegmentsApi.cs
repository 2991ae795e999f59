using DataProductDashboard.Services.Segments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataProductDashboard.Api;

/// <summary>/api/products/{productId}/weak-segments: where a model fails.</summary>
public static class SegmentsApi
{
    public static RouteGroupBuilder MapSegmentsApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/products/{productId:int}").WithTags("Audit").MapGet("/weak-segments", FindAsync).WithName("FindWeakSegments")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Slices of the latest labelled batches (one or two feature conditions: a category, or a numeric quintile bin; at least 5 % of the rows) where the version's error (classifier: error rate; regression: absolute error) is worse than in the rest, by Welch's t-test, Holm-adjusted below 0.05, worst first (?version=N, default the champion; ?against=M: where N is worse than M on the same rows; ?batches=4, at most 50,000 rows).");
        return api;
    }

    private static async Task<Ok<WeakSegmentsReport>> FindAsync(int productId, int? version, int? against, int? batches, WeakSegmentsService weak, CancellationToken ct) =>
        TypedResults.Ok(await weak.FindAsync(productId, version, against, batches ?? 4, ct));
}
