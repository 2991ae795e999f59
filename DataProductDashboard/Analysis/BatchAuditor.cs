using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis;

/// <summary>Audits a batch held whole in memory: data quality, data drift per feature, prediction drift (one chunk of
/// <see cref="BatchAuditBuilder"/>).</summary>
public static class BatchAuditor
{
    public static AuditResult Audit(ProductSchema schema, ColumnTable batch, IReadOnlyList<string>? rowKeys, double[] predictions,
        ReferenceProfile reference, DateTime receivedAt, IReadOnlyList<int> earlierBatchRows, Drift.DriftSettings settings,
        IReadOnlyList<DateTime>? earlierReceivedAt = null)
    {
        var builder = new BatchAuditBuilder(schema, reference, settings, batch.RowCount);
        builder.Add(batch, rowKeys, predictions);
        return builder.Finish(receivedAt, earlierBatchRows, earlierReceivedAt);
    }
}
