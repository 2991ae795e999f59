using System.Text.Json;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;

namespace DataProductDashboard.Services.Audit;

/// <summary>Stores an analysis of a batch as a metric run (the full result as JSON) and its flattened points.</summary>
public static class MetricHistory
{
    public static Task<MetricRun> AddRunAsync<T>(DashboardDbContext db, Batch batch, string kind, T result,
        IEnumerable<(string Key, string? Column, double Value)> points, CancellationToken ct) =>
        AddSegmentedRunAsync(db, batch, kind, result, points.Select(p => (p.Key, p.Column, (string?)null, p.Value)), ct);

    /// <summary>As above, with points that carry a segment ("sex=female").</summary>
    public static async Task<MetricRun> AddSegmentedRunAsync<T>(DashboardDbContext db, Batch batch, string kind, T result,
        IEnumerable<(string Key, string? Column, string? Segment, double Value)> points, CancellationToken ct)
    {
        var run = new MetricRun
        {
            ProductId = batch.ProductId,
            BatchId = batch.Id,
            ModelVersionId = batch.ModelVersionId,
            Kind = kind,
            At = batch.ReceivedAt,
            ResultJson = JsonSerializer.Serialize(result, JsonValueConverter.Options),
        };
        db.MetricRuns.Add(run);
        await db.SaveChangesAsync(ct);
        await MetricPointWriter.InsertAsync(db, points.Select(p => new MetricPoint
        {
            ProductId = batch.ProductId, BatchId = batch.Id, ModelVersionId = batch.ModelVersionId, MetricRunId = run.Id,
            MetricKey = p.Key, Column = p.Column, Segment = p.Segment, Value = p.Value, At = batch.ReceivedAt,
        }).ToList(), ct);
        return run;
    }
}
