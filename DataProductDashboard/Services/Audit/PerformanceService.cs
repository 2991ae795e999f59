using System.Text.Json;
using DataProductDashboard.Analysis.Metrics;
using DataProductDashboard.Analysis.Performance;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Experiments;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Audit;

/// <summary>Model performance on labelled rows and concept drift, per batch and over a rolling window of the latest
/// labelled batches; re-running replaces a batch's "performance" run and its points. A batch an A/B test split also gets
/// the performance of each arm's labelled rows (against that arm's model's hold-out), stored as "arm-performance" runs
/// whose points carry the arm's segment and model version; the whole-batch run is unchanged.</summary>
public sealed class PerformanceService(ILogger<PerformanceService> logger)
{
    public const string RunKind = "performance";
    public const int WindowBatches = 4;

    /// <summary>Recomputes every labelled batch of the product received at or after <paramref name="from"/> (their
    /// windows may include the changed batches), inside the caller's context and transaction.</summary>
    public async Task RecomputeAsync(DashboardDbContext db, int productId, DateTime from, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == productId, ct);
        var batches = await db.Batches.Where(b => b.ProductId == productId).OrderBy(b => b.ReceivedAt).ThenBy(b => b.Id).ToListAsync(ct);
        var holdouts = await db.ModelVersions.AsNoTracking().Where(v => v.ProductId == productId).ToDictionaryAsync(v => v.Id, v => v.HoldoutMetrics, ct);
        var experiments = await db.Experiments.AsNoTracking().Where(e => e.ProductId == productId)
            .ToDictionaryAsync(e => e.Id, e => (Champion: e.ChampionVersionId, Challenger: e.ChallengerVersionId), ct);
        var rowsByBatch = new Dictionary<int, (double[] Label, double[] Predicted, double[]? Score)>();
        var armsByBatch = new Dictionary<int, ExperimentArm?[]>();
        foreach (var batch in batches)
        {
            var rows = await db.Predictions.AsNoTracking().Where(p => p.BatchId == batch.Id && p.Label != null)
                .OrderBy(p => p.RowIndex).Select(p => new { p.Label, p.Predicted, p.Score, p.Arm }).ToListAsync(ct);
            batch.LabelledRows = rows.Count;
            if (rows.Count > 0)
            {
                rowsByBatch[batch.Id] = (rows.Select(r => r.Label!.Value).ToArray(), rows.Select(r => r.Predicted).ToArray(),
                    rows.All(r => r.Score is not null) ? rows.Select(r => r.Score!.Value).ToArray() : null);
                if (batch.ExperimentId is not null)
                    armsByBatch[batch.Id] = rows.Select(r => r.Arm).ToArray();
            }
        }
        var labelled = batches.Where(b => rowsByBatch.ContainsKey(b.Id)).ToList();
        for (var i = 0; i < labelled.Count; i++)
        {
            var batch = labelled[i];
            if (batch.ReceivedAt < from)
                continue;
            var window = labelled.Skip(Math.Max(0, i - WindowBatches + 1)).Take(Math.Min(WindowBatches, i + 1)).ToList();
            var holdout = holdouts.GetValueOrDefault(batch.ModelVersionId) ?? [];
            var result = Compute(product.Task, rowsByBatch[batch.Id], window.Select(w => rowsByBatch[w.Id]).ToList(), holdout);
            await ReplaceRunAsync(db, batch, result, ct);
            if (batch.ExperimentId is { } experimentId && armsByBatch.TryGetValue(batch.Id, out var arms) && experiments.TryGetValue(experimentId, out var versions))
                await ReplaceArmRunsAsync(db, product.Task, batch, rowsByBatch[batch.Id], arms, versions, holdouts, ct);
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Recomputed performance of product {ProductId} from {From:u}", productId, from);
    }

    public static PerformanceResult Compute(TaskType task, (double[] Label, double[] Predicted, double[]? Score) batch,
        IReadOnlyList<(double[] Label, double[] Predicted, double[]? Score)> window, IReadOnlyDictionary<string, double> holdout)
    {
        if (task == TaskType.Regression)
        {
            var metrics = RegressionMetrics.Compute(batch.Label, batch.Predicted);
            var pooled = window.SelectMany(w => w.Label.Zip(w.Predicted, (y, p) => Math.Abs(p - y))).ToArray();
            var own = batch.Label.Zip(batch.Predicted, (y, p) => Math.Abs(p - y)).ToArray();
            var mae = holdout.TryGetValue("mae", out var h) ? h : (double?)null;
            return new PerformanceResult(batch.Label.Length, metrics, null, ConceptDrift.MeanAbsoluteError(own, mae),
                window.Count > 1 ? ConceptDrift.MeanAbsoluteError(pooled, mae) : null, window.Count);
        }
        var classification = ClassificationMetrics.Binary(batch.Label, batch.Predicted, batch.Score ?? []);
        var accuracy = holdout.TryGetValue("accuracy", out var a) ? a : (double?)null;
        long Correct((double[] Label, double[] Predicted, double[]? Score) rows) => rows.Label.Zip(rows.Predicted).LongCount(x => x.First == x.Second);
        return new PerformanceResult(batch.Label.Length, null, classification,
            ConceptDrift.Accuracy(Correct(batch), batch.Label.Length, accuracy),
            window.Count > 1 ? ConceptDrift.Accuracy(window.Sum(Correct), window.Sum(w => w.Label.Length), accuracy) : null, window.Count);
    }

    /// <summary>Performance of each arm's labelled rows of a split batch, judged against its own model's hold-out (its
    /// concept-drift window is the arm's rows of this batch).</summary>
    private static async Task ReplaceArmRunsAsync(DashboardDbContext db, TaskType task, Batch batch, (double[] Label, double[] Predicted, double[]? Score) rows,
        ExperimentArm?[] arms, (int Champion, int Challenger) versions, IReadOnlyDictionary<int, Dictionary<string, double>> holdouts, CancellationToken ct)
    {
        await db.MetricRuns.Where(r => r.BatchId == batch.Id && r.Kind == ArmHistory.PerformanceRunKind).ExecuteDeleteAsync(ct);
        foreach (var arm in (ExperimentArm[])[ExperimentArm.Champion, ExperimentArm.Challenger])
        {
            var picked = Enumerable.Range(0, arms.Length).Where(i => arms[i] == arm).ToArray();
            if (picked.Length == 0)
                continue;
            var armRows = (picked.Select(i => rows.Label[i]).ToArray(), picked.Select(i => rows.Predicted[i]).ToArray(),
                rows.Score is { } score ? picked.Select(i => score[i]).ToArray() : null);
            var versionId = arm == ExperimentArm.Challenger ? versions.Challenger : versions.Champion;
            var result = Compute(task, armRows, [armRows], holdouts.GetValueOrDefault(versionId) ?? []);
            await ArmHistory.AddRunAsync(db, batch, ArmHistory.PerformanceRunKind, arm, versionId, result, PerformancePoints.Flatten(result), ct);
        }
    }

    private static async Task ReplaceRunAsync(DashboardDbContext db, Batch batch, PerformanceResult result, CancellationToken ct)
    {
        await db.MetricRuns.Where(r => r.BatchId == batch.Id && r.Kind == RunKind).ExecuteDeleteAsync(ct);
        await MetricHistory.AddRunAsync(db, batch, RunKind, result, PerformancePoints.Flatten(result).Select(p => (p.Key, (string?)null, p.Value)), ct);
    }
}
