using System.Text.Json;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;

namespace DataProductDashboard.Services.Audit;

/// <summary>Stores an analysis of a batch as a metric run (the full result as JSON) and its flattened points.</summary>
public static class MetricHistory
{
    public static async Task<MetricRun> AddRunAsync<T>(DashboardDbContext db, Batch batch, string kind, T result,
        IEnumerable<(string Key, string? Column, double Value)> points, CancellationToken ct)
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
            MetricKey = p.Key, Column = p.Column, Value = p.Value, At = batch.ReceivedAt,
        }).ToList(), ct);
        return run;
    }
}
