using DataProductDashboard.Services.Exports;

namespace DataProductDashboard.Services.Insights;

/// <summary>Insights as CSV, one row per sentence (times in UTC, ISO 8601; evidence as "label: link" joined by " | ").</summary>
public static class InsightsCsv
{
    private static readonly string[] Columns = ["product_id", "product", "severity", "topic", "at", "sentence", "evidence"];

    public static string Write(IEnumerable<ProductInsights> products) =>
        CsvExport.Write(Columns, products.SelectMany(p => p.Insights, (product, insight) => (product, insight)), static (csv, row) => csv
            .Number(row.product.ProductId).Text(row.product.ProductName).Name(row.insight.Severity).Name(row.insight.Topic)
            .Time(row.insight.At, CsvExportWriter.RoundTrip).Text(row.insight.Sentence)
            .Text(string.Join(" | ", row.insight.Evidence.Select(e => $"{e.Label}: {e.Href}"))));
}
