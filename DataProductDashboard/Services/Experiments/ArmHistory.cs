using System.Text.Json;
using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Experiments;

/// <summary>Stores what was measured on one arm of an A/B-split batch as a metric run (the result as JSON) and its
/// points, under the batch's usual metric keys with <c>Segment</c> = "arm:champion" / "arm:challenger" and the arm's
/// model version, so that the whole-batch points of the same keys stay as they are.</summary>
public static class ArmHistory
{
    /// <summary>Row count, prediction profile, latency and prediction drift of an arm, at import.</summary>
    public const string ScoringRunKind = "arm-scoring";

    /// <summary>Performance of an arm's labelled rows, recomputed when labels arrive.</summary>
    public const string PerformanceRunKind = "arm-performance";

    public static async Task AddRunAsync<T>(DashboardDbContext db, Batch batch, string kind, ExperimentArm arm, int modelVersionId, T result,
        IEnumerable<(string Key, double Value)> points, CancellationToken ct)
    {
        var run = new MetricRun
        {
            ProductId = batch.ProductId,
            BatchId = batch.Id,
            ModelVersionId = modelVersionId,
            Kind = kind,
            At = batch.ReceivedAt,
            ResultJson = JsonSerializer.Serialize(result, JsonValueConverter.Options),
        };
        db.MetricRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var segment = ArmSegment.Of(arm);
        await MetricPointWriter.InsertAsync(db, points.Select(p => new MetricPoint
        {
            ProductId = batch.ProductId, BatchId = batch.Id, ModelVersionId = modelVersionId, MetricRunId = run.Id,
            MetricKey = p.Key, Segment = segment, Value = p.Value, At = batch.ReceivedAt,
        }).ToList(), ct);
    }
}
