using System.Globalization;
using System.Text;
using DataProductDashboard.Services.Batches;

namespace DataProductDashboard.Services.Insights;

/// <summary>Insights as CSV, one row per sentence (times in UTC, ISO 8601; evidence as "label: link" joined by " | ").</summary>
public static class InsightsCsv
{
    public static string Write(IEnumerable<ProductInsights> products)
    {
        var csv = new StringBuilder("product_id,product,severity,topic,at,sentence,evidence\n");
        foreach (var product in products)
            foreach (var i in product.Insights)
            {
                var evidence = string.Join(" | ", i.Evidence.Select(e => $"{e.Label}: {e.Href}"));
                csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"{product.ProductId},{CsvText.Escape(product.ProductName)},{i.Severity},{i.Topic},{i.At:O},{CsvText.Escape(i.Sentence)},{CsvText.Escape(evidence)}"));
            }
        return csv.ToString();
    }
}
