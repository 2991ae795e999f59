using DataProductDashboard.Analysis.DataQuality;
using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis;

/// <summary>Audits a batch: data quality, data drift per feature, prediction drift.</summary>
public static class BatchAuditor
{
    public static AuditResult Audit(ProductSchema schema, ColumnTable batch, IReadOnlyList<string> rowKeys, ReadOnlySpan<double> predictions,
        ReferenceProfile reference, DateTime receivedAt, IReadOnlyList<int> earlierBatchRows, DriftSettings settings)
    {
        var quality = DataQualityAnalyzer.Analyze(schema, batch, rowKeys, reference, receivedAt, earlierBatchRows);
        var pairs = new List<ColumnPair>();
        foreach (var column in schema.Features)
        {
            if (batch.TryGetNumeric(column.Name, out var numbers) && reference.Numeric(column.Name) is { } referenceNumbers)
                pairs.Add(ColumnPair.Numeric(column.Name, referenceNumbers, NumericSample.From(numbers)));
            else if (batch.TryGetStrings(column.Name, out var texts) && reference.Categories(column.Name) is { } referenceCounts)
                pairs.Add(ColumnPair.Categorical(column.Name, referenceCounts, CategoryCounts.From(texts)));
        }
        var prediction = reference.SortedPredictions.Length > 0
            ? ColumnPair.Numeric(DriftDetector.PredictionColumn, reference.Predictions, NumericSample.From(predictions))
            : null;
        return new AuditResult(quality, DriftDetector.DetectAll(pairs, prediction, settings));
    }
}
