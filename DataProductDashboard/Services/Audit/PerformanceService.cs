using System.Text.Json;
using DataProductDashboard.Analysis.Metrics;
using DataProductDashboard.Analysis.Performance;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Audit;

/// <summary>Model performance on labelled rows and concept drift, per batch and over a rolling window of the latest
/// labelled batches; re-running replaces a batch's "performance" run and its points.</summary>
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
        var rowsByBatch = new Dictionary<int, (double[] Label, double[] Predicted, double[]? Score)>();
        foreach (var batch in batches)
        {
            var rows = await db.Predictions.AsNoTracking().Where(p => p.BatchId == batch.Id && p.Label != null)
                .OrderBy(p => p.RowIndex).Select(p => new { p.Label, p.Predicted, p.Score }).ToListAsync(ct);
            batch.LabelledRows = rows.Count;
            if (rows.Count > 0)
                rowsByBatch[batch.Id] = (rows.Select(r => r.Label!.Value).ToArray(), rows.Select(r => r.Predicted).ToArray(),
                    rows.All(r => r.Score is not null) ? rows.Select(r => r.Score!.Value).ToArray() : null);
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

    private static async Task ReplaceRunAsync(DashboardDbContext db, Batch batch, PerformanceResult result, CancellationToken ct)
    {
        await db.MetricRuns.Where(r => r.BatchId == batch.Id && r.Kind == RunKind).ExecuteDeleteAsync(ct);
        await MetricHistory.AddRunAsync(db, batch, RunKind, result, PerformancePoints.Flatten(result).Select(p => (p.Key, (string?)null, p.Value)), ct);
    }
}
