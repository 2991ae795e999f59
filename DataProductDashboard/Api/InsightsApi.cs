using DataProductDashboard.Services.Access;
using System.Text;
using DataProductDashboard.Services.Insights;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Reports;
using DataProductDashboard.ViewModels.Reports;

namespace DataProductDashboard.Api;

/// <summary>/api/insights (portfolio digest) and /api/products/{productId}/insights: plain-language sentences generated
/// from the stored results, most severe first, each with severity, topic and evidence links. JSON, or CSV with
/// Accept: text/csv or ?format=csv. /api/products/{productId}/report: the product's report as one self-contained HTML file.</summary>
public static class InsightsApi
{
    public static RouteGroupBuilder MapInsightsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/insights", DigestAsync).WithName("GetInsightsDigest").Produces<IReadOnlyList<ProductInsights>>().WithTags("Insights")
            .WithSummary("The portfolio digest: every product's insights ([{ productId, productName, generatedAt, insights }]); CSV with Accept: text/csv or ?format=csv.");
        api.MapGet("/products/{productId:int}/insights", GetAsync).WithName("GetProductInsights").Produces<ProductInsights>().WithTags("Insights")
            .WithSummary("A product's insights ({ productId, productName, generatedAt, insights: [{ severity, topic, sentence, evidence, at }] }); CSV with Accept: text/csv or ?format=csv.");
        api.MapGet("/products/{productId:int}/report", GetReportAsync).WithName("GetProductReport").ProducesFile("text/html").WithTags("Insights")
            .WithSummary("A product's report as one self-contained HTML file (attachment '<product>-report-<date>.html'): its insights with absolute evidence links (Notifications:PublicBaseUrl, else the listening address), its KPI, performance and drift charts as inline SVG, and a glossary of every term and metric it mentions; inline CSS, no scripts; print it to PDF.");
        return api;
    }

    private static async Task<IResult> GetReportAsync(int productId, ReportService reports, PublicBaseUrl baseUrl, CancellationToken ct)
    {
        var data = await reports.GetAsync(productId, ct);
        var charts = ReportCharts.For(data);
        var html = ReportHtml.Build(data, charts, ReportGlossary.For(data.Insights.Insights, charts, data.Kpis.Select(k => k.Definition)), baseUrl.Value);
        var day = ViewModels.Formatting.ZonedDisplay.For(data.Product.TimeZone).Local(data.Insights.GeneratedAt);
        return TypedResults.File(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", ReportHtml.FileName(data.Product.Name, day));
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
