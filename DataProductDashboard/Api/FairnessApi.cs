using DataProductDashboard.Analysis.Fairness;
using DataProductDashboard.Services.Fairness;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataProductDashboard.Api;

/// <summary>/api/products/{productId}/fairness: who the model treats differently.</summary>
public static class FairnessApi
{
    public static RouteGroupBuilder MapFairnessApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/products/{productId:int}").WithTags("Fairness");
        group.MapGet("/fairness", GetAsync).WithName("GetFairness")
            .WithSummary("Fairness of a binary product's labelled rows across the groups of a segment attribute (attribute=sex, or 'sex × age_band' / crossWith=age_band for an intersection): per group support, selection rate, true- and false-positive rate, precision, accuracy; across groups demographic parity difference and ratio, disparate impact, equalized-odds and equal-opportunity difference, each with a 95 % percentile bootstrap interval (1,000 resamples, fixed seed). Without from/to/batchId every labelled row of the product; groups below minSupport (default 30) are listed with judged=false and left out of the metrics.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<FairnessReport>> GetAsync(int productId, string? attribute, string? crossWith, string? from, string? to, int? batchId,
        int? minSupport, FairnessService fairness, CancellationToken ct) =>
        TypedResults.Ok(await fairness.GetAsync(productId, attribute, QueryRules.Time("from", from), QueryRules.Time("to", to), batchId, ct, crossWith,
            minSupport ?? FairnessAnalyzer.DefaultMinSupport));
}
