using System.Text.Json;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;

namespace DataProductDashboard.Services.Models;

/// <summary>Stores what was measured on a challenger's shadow scores of a batch as a metric run (the result as JSON)
/// and its points: the batch's usual metric keys, segment null, the challenger's model version and
/// <see cref="MetricPoint.Shadow"/> set, so the batch's own points stay as they are.</summary>
public static class ShadowHistory
{
    /// <summary>Rows, scoring time, latency and prediction profile of a challenger's shadow scores, at import.</summary>
    public const string ScoringRunKind = "shadow-scoring";

    /// <summary>Performance of a challenger's shadow scores on the batch's labelled rows, recomputed when labels arrive.</summary>
    public const string PerformanceRunKind = "shadow-performance";

    public static MetricRun NewRun<T>(Batch batch, string kind, int modelVersionId, T result) => new()
    {
        ProductId = batch.ProductId, BatchId = batch.Id, ModelVersionId = modelVersionId, Kind = kind, At = batch.ReceivedAt,
        ResultJson = JsonSerializer.Serialize(result, JsonValueConverter.Options),
    };

    /// <summary>The points of a stored run (its id set), marked as shadow points.</summary>
    public static IEnumerable<MetricPoint> Points(MetricRun run, IEnumerable<(string Key, double Value)> points) =>
        points.Select(p => new MetricPoint
        {
            ProductId = run.ProductId, BatchId = run.BatchId, ModelVersionId = run.ModelVersionId, MetricRunId = run.Id,
            MetricKey = p.Key, Value = p.Value, At = run.At, Shadow = true,
        });

    public static async Task AddRunAsync<T>(DashboardDbContext db, Batch batch, string kind, int modelVersionId, T result,
        IEnumerable<(string Key, double Value)> points, CancellationToken ct)
    {
        var run = NewRun(batch, kind, modelVersionId, result);
        db.MetricRuns.Add(run);
        await db.SaveChangesAsync(ct);
        await MetricPointWriter.InsertAsync(db, Points(run, points).ToList(), ct);
    }
}
