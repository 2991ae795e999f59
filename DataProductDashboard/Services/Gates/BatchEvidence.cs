using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Analysis.Performance;
using DataProductDashboard.Analysis.Statistics;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Services.Audit;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Gates;

/// <summary>Builds what batch gates are judged on: the batch's metric points, and the reference values of its model
/// version (hold-out metrics as "perf.*", the training predictions' mean and spread).</summary>
public sealed class BatchEvidence(ReferenceProfileStore profiles)
{
    public async Task<Dictionary<int, GateEvidence>> ForBatchesAsync(DashboardDbContext db, IReadOnlyList<Batch> batches, CancellationToken ct)
    {
        var ids = batches.Select(b => b.Id).ToList();
        var points = await db.MetricPoints.AsNoTracking().Where(p => p.BatchId != null && ids.Contains(p.BatchId.Value) && !p.Shadow)
            .OrderBy(p => p.Id).Select(p => new { BatchId = p.BatchId!.Value, p.MetricKey, p.Column, p.Segment, p.Value }).ToListAsync(ct);
        var versionIds = batches.Select(b => b.ModelVersionId).Distinct().ToList();
        var versions = await db.ModelVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, v => new { v.HoldoutMetrics, v.FileHash }, ct);
        var productIds = batches.Select(b => b.ProductId).Distinct().ToList();
        var labelUnits = (await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).Select(p => new { p.Id, p.Schema }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => p.Schema.LabelUnit);
        var byBatch = points.GroupBy(p => p.BatchId).ToDictionary(g => g.Key, g => g.ToList());
        var references = new Dictionary<int, Dictionary<MetricAddress, double>>();
        foreach (var (id, version) in versions)
            references[id] = await ReferenceAsync(version.HoldoutMetrics, version.FileHash, ct);
        var result = new Dictionary<int, GateEvidence>();
        foreach (var batch in batches)
        {
            var actual = new Dictionary<MetricAddress, double>();
            foreach (var p in byBatch.GetValueOrDefault(batch.Id) ?? [])
                actual[new MetricAddress(p.MetricKey, p.Column, p.Segment)] = p.Value;
            // Each batch's own copy: an evaluation may add to its reference values.
            result[batch.Id] = new GateEvidence(actual, new Dictionary<MetricAddress, double>(references[batch.ModelVersionId]))
            {
                MissingReason = key => MissingReason(key, batch),
                LabelUnit = labelUnits.GetValueOrDefault(batch.ProductId),
            };
        }
        return result;
    }

    private async Task<Dictionary<MetricAddress, double>> ReferenceAsync(IReadOnlyDictionary<string, double> holdout, string modelHash, CancellationToken ct)
    {
        var reference = holdout.ToDictionary(h => new MetricAddress(PerformancePoints.Prefix + h.Key), h => h.Value);
        if (await profiles.GetAsync(modelHash, ct) is { SortedPredictions.Length: > 0 } profile)
        {
            var summary = Summary.Of(Array.ConvertAll(profile.SortedPredictions, v => (float)v));
            if (summary is not null)
            {
                reference[new MetricAddress(MetricKeys.PredictionMean)] = summary.Mean;
                reference[new MetricAddress(MetricKeys.PredictionStd)] = summary.Std;
            }
        }
        return reference;
    }

    private static string MissingReason(string key, Batch batch) => key switch
    {
        _ when key.StartsWith(PerformancePoints.Prefix, StringComparison.Ordinal) || key.StartsWith("concept.", StringComparison.Ordinal) =>
            batch.LabelledRows == 0 ? "no labels yet" : "not measured for this kind of model",
        _ when key.StartsWith("drift.", StringComparison.Ordinal) || key.StartsWith("dq.column.", StringComparison.Ordinal) =>
            "the column is not audited, or the model version has no reference data",
        AuditPoints.EventLagHours => "no event-time column: arrival time is used, so there is no event lag",
        AuditPoints.VolumeRatio or AuditPoints.HoursSincePreviousBatch or AuditPoints.Late => "no earlier batches to compare with",
        _ => "not measured for this batch",
    };
}
