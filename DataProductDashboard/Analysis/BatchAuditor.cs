using DataProductDashboard.Analysis.DataQuality;
using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis;

/// <summary>Audits a batch: data quality, data drift per feature, prediction drift.</summary>
public static class BatchAuditor
{
    public static AuditResult Audit(ProductSchema schema, ColumnTable batch, IReadOnlyList<string>? rowKeys, double[] predictions,
        ReferenceProfile reference, DateTime receivedAt, IReadOnlyList<int> earlierBatchRows, DriftSettings settings,
        IReadOnlyList<DateTime>? earlierReceivedAt = null)
    {
        // Quality and drift read the same columns independently: run them side by side.
        DataQualityResult? quality = null;
        DatasetDriftResult? drift = null;
        Parallel.Invoke(
            () => quality = DataQualityAnalyzer.Analyze(schema, batch, rowKeys, reference, receivedAt, earlierBatchRows, earlierReceivedAt),
            () => drift = DetectDrift(schema, batch, predictions, reference, settings));
        return new AuditResult(quality!, drift!);
    }

    private static DatasetDriftResult DetectDrift(ProductSchema schema, ColumnTable batch, double[] predictions, ReferenceProfile reference, DriftSettings settings)
    {
        var features = schema.Features.ToList();
        var pairs = new ColumnPair?[features.Count];
        // Each column's sort and test is independent: use every core.
        Parallel.For(0, features.Count, i =>
        {
            var column = features[i];
            if (batch.TryGetNumeric(column.Name, out var numbers) && reference.Numeric(column.Name) is { } referenceNumbers)
                pairs[i] = ColumnPair.Numeric(column.Name, referenceNumbers, NumericSample.From(numbers));
            else if (batch.TryGetStrings(column.Name, out var texts) && reference.Categories(column.Name) is { } referenceCounts)
                pairs[i] = ColumnPair.Categorical(column.Name, referenceCounts, CategoryCounts.From(texts));
        });
        var prediction = reference.SortedPredictions.Length > 0
            ? ColumnPair.Numeric(DriftDetector.PredictionColumn, reference.Predictions, NumericSample.From(predictions))
            : null;
        return DriftDetector.DetectAll(pairs.OfType<ColumnPair>(), prediction, settings);
    }
}
