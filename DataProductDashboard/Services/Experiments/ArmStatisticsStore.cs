using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Analysis.Statistics;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Experiments;

/// <summary>The per-arm statistics of split batches (<see cref="BatchStatistic"/>): written with the batch's
/// predictions and when its labels arrive, read merged per arm for an experiment's live statistics.</summary>
public static class ArmStatisticsStore
{
    private static readonly BulkInsert.Column<BatchStatistic>[] Columns =
    [
        new(nameof(BatchStatistic.BatchId), s => s.BatchId), new(nameof(BatchStatistic.Segment), s => s.Segment),
        new(nameof(BatchStatistic.Key), s => s.Key), new(nameof(BatchStatistic.ExperimentId), s => s.ExperimentId),
        new(nameof(BatchStatistic.ModelVersionId), s => s.ModelVersionId), new(nameof(BatchStatistic.Count), s => s.Count),
        new(nameof(BatchStatistic.Mean), s => s.Mean), new(nameof(BatchStatistic.M2), s => s.M2),
    ];

    /// <summary>Stores one arm's statistics of a split batch, replacing what was stored under the same keys (inside
    /// the caller's transaction).</summary>
    public static async Task ReplaceAsync(DashboardDbContext db, int batchId, int experimentId, ExperimentArm arm, int modelVersionId,
        IReadOnlyDictionary<string, Moments> statistics, CancellationToken ct)
    {
        var segment = ArmSegment.Of(arm);
        var keys = statistics.Keys.ToList();
        await db.BatchStatistics.Where(s => s.BatchId == batchId && s.Segment == segment && keys.Contains(s.Key)).ExecuteDeleteAsync(ct);
        await BulkInsert.InsertAsync(db, statistics.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new BatchStatistic
        {
            BatchId = batchId, Segment = segment, Key = s.Key, ExperimentId = experimentId, ModelVersionId = modelVersionId,
            Count = s.Value.Count, Mean = s.Value.Mean, M2 = s.Value.M2,
        }).ToList(), Columns, ct);
        await db.Experiments.Where(e => e.Id == experimentId).ExecuteUpdateAsync(e => e.SetProperty(x => x.StatisticsVersion, x => x.StatisticsVersion + 1), ct);
    }

    /// <summary>Rows each arm scored so far: the sum of the per-batch row counts (one indexed read of two numbers per
    /// batch).</summary>
    public static async Task<(long Champion, long Challenger)> RowsAsync(DashboardDbContext db, int experimentId, CancellationToken ct)
    {
        var sums = await db.BatchStatistics.AsNoTracking().Where(s => s.ExperimentId == experimentId && s.Key == ArmStatistics.Rows)
            .GroupBy(s => s.Segment).Select(g => new { Segment = g.Key, Rows = g.Sum(s => s.Count) }).ToListAsync(ct);
        return (sums.FirstOrDefault(s => s.Segment == ArmSegment.Champion)?.Rows ?? 0, sums.FirstOrDefault(s => s.Segment == ArmSegment.Challenger)?.Rows ?? 0);
    }

    /// <summary>Each arm's statistics merged over the experiment's batches (in batch order): one indexed range read of a
    /// few dozen numbers per batch, whatever the number of rows.</summary>
    public static async Task<(Dictionary<string, Moments> Champion, Dictionary<string, Moments> Challenger)> ReadAsync(DashboardDbContext db,
        int experimentId, CancellationToken ct)
    {
        var rows = await db.BatchStatistics.AsNoTracking().Where(s => s.ExperimentId == experimentId)
            .OrderBy(s => s.BatchId).Select(s => new { s.Segment, s.Key, s.Count, s.Mean, s.M2 }).ToListAsync(ct);
        var champion = new Dictionary<string, Moments>(StringComparer.Ordinal);
        var challenger = new Dictionary<string, Moments>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var target = ArmSegment.Parse(row.Segment) switch
            {
                ExperimentArm.Champion => champion,
                ExperimentArm.Challenger => challenger,
                _ => null,
            };
            if (target is not null)
                target[row.Key] = target.GetValueOrDefault(row.Key).Merge(new Moments(row.Count, row.Mean, row.M2));
        }
        return (champion, challenger);
    }
}
