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
        var runs = new MetricRunSet(batch).AddSegmented(kind, result, points);
        await runs.SaveAsync(db, ct);
        return runs.Runs[0];
    }
}

/// <summary>Several runs of one batch saved together: the runs in one SaveChanges, all their points in one multi-row
/// INSERT (an import stores six or more runs; one round trip each cost a small batch several milliseconds).</summary>
public sealed class MetricRunSet(Batch batch)
{
    private readonly List<MetricRun> _runs = [];
    private readonly List<(int Run, string Key, string? Column, string? Segment, double Value)> _points = [];

    public IReadOnlyList<MetricRun> Runs => _runs;

    public MetricRunSet Add<T>(string kind, T result, IEnumerable<(string Key, string? Column, double Value)> points) =>
        AddSegmented(kind, result, points.Select(p => (p.Key, p.Column, (string?)null, p.Value)));

    public MetricRunSet AddSegmented<T>(string kind, T result, IEnumerable<(string Key, string? Column, string? Segment, double Value)> points)
    {
        _runs.Add(new MetricRun
        {
            ProductId = batch.ProductId,
            BatchId = batch.Id,
            ModelVersionId = batch.ModelVersionId,
            Kind = kind,
            At = batch.ReceivedAt,
            ResultJson = JsonSerializer.Serialize(result, JsonValueConverter.Options),
        });
        var run = _runs.Count - 1;
        _points.AddRange(points.Select(p => (run, p.Key, p.Column, p.Segment, p.Value)));
        return this;
    }

    public async Task SaveAsync(DashboardDbContext db, CancellationToken ct)
    {
        db.MetricRuns.AddRange(_runs);
        await db.SaveChangesAsync(ct);
        await MetricPointWriter.InsertAsync(db, _points.Select(p => new MetricPoint
        {
            ProductId = batch.ProductId, BatchId = batch.Id, ModelVersionId = batch.ModelVersionId, MetricRunId = _runs[p.Run].Id,
            MetricKey = p.Key, Column = p.Column, Segment = p.Segment, Value = p.Value, At = batch.ReceivedAt,
        }).ToList(), ct);
    }
}
