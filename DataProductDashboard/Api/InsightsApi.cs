using DataProductDashboard.Services.Access;
using System.Text;
using DataProductDashboard.Services.Insights;

namespace DataProductDashboard.Api;

/// <summary>/api/insights (portfolio digest) and /api/products/{productId}/insights: plain-language sentences generated
/// from the stored results, most severe first, each with severity, topic and evidence links. JSON, or CSV with
/// Accept: text/csv or ?format=csv.</summary>
public static class InsightsApi
{
    public static RouteGroupBuilder MapInsightsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/insights", DigestAsync).WithName("GetInsightsDigest").Produces<IReadOnlyList<ProductInsights>>().WithTags("Insights")
            .WithSummary("The portfolio digest: every product's insights ([{ productId, productName, generatedAt, insights }]); CSV with Accept: text/csv or ?format=csv.");
        api.MapGet("/products/{productId:int}/insights", GetAsync).WithName("GetProductInsights").Produces<ProductInsights>().WithTags("Insights")
            .WithSummary("A product's insights ({ productId, productName, generatedAt, insights: [{ severity, topic, sentence, evidence, at }] }); CSV with Accept: text/csv or ?format=csv.");
        return api;
    }

    private static async Task<IResult> DigestAsync(HttpRequest request, InsightService insights, CancellationToken ct)
    {
        var digest = await insights.DigestAsync(ct);
        if (request.HttpContext.User.AllowedProducts() is { } allowed)
            digest = digest.Where(p => allowed.Contains(p.ProductId)).ToList();
        return request.WantsCsv() ? Csv(digest, "insights.csv") : TypedResults.Ok(digest);
    }

    private static async Task<IResult> GetAsync(int productId, HttpRequest request, InsightService insights, CancellationToken ct)
    {
        var product = await insights.GetAsync(productId, ct);
        return request.WantsCsv() ? Csv([product], $"insights-product-{productId}.csv") : TypedResults.Ok(product);
    }

    private static IResult Csv(IEnumerable<ProductInsights> products, string fileName) =>
        TypedResults.File(Encoding.UTF8.GetBytes(InsightsCsv.Write(products)), "text/csv; charset=utf-8", fileName);
}
