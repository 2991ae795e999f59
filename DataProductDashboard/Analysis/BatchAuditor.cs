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
        var results = new DriftColumnResult?[features.Count];
        // Each column's sort and test is independent: use every core. Each column is tested as soon as it is sorted,
        // so only the sorted copies being worked on are alive (not one per column: 8 bytes × rows × columns).
        Parallel.For(0, features.Count, i =>
        {
            var column = features[i];
            if (batch.TryGetNumeric(column.Name, out var numbers) && reference.Numeric(column.Name) is { } referenceNumbers)
                results[i] = DriftDetector.DetectColumn(ColumnPair.Numeric(column.Name, referenceNumbers, NumericSample.From(numbers)), settings);
            else if (batch.TryGetStrings(column.Name, out var texts) && reference.Categories(column.Name) is { } referenceCounts)
                results[i] = DriftDetector.DetectColumn(ColumnPair.Categorical(column.Name, referenceCounts, CategoryCounts.From(texts)), settings);
        });
        var prediction = reference.SortedPredictions.Length > 0
            ? DriftDetector.DetectPrediction(ColumnPair.Numeric(DriftDetector.PredictionColumn, reference.Predictions, NumericSample.From(predictions)), settings)
            : null;
        return DriftDetector.Summarize(results.OfType<DriftColumnResult>().ToList(), prediction, settings);
    }
}
