using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Analysis.Performance;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Kpis;

/// <summary>Gathers what the audit said about the batches whose rows fall in a range of KPI periods: dataset drift
/// (drift.dataset, drift.share, drift.drifted_columns), the concept-drift verdict and value (concept.degraded,
/// concept.value) against the model version's hold-out value, and the performance gates (perf.*, concept.*) that
/// failed on them.</summary>
internal static class KpiAuditFacts
{
    private static readonly string[] Keys =
    [
        AuditPoints.DatasetDrift, AuditPoints.DriftShare, AuditPoints.DriftedColumns, PerformancePoints.ConceptDegraded, PerformancePoints.ConceptValue,
    ];

    /// <summary>The batch-level points of <see cref="Keys"/> of batches received in [since, until], read from the
    /// partial index IX_MetricPoints_BatchLevel alone.</summary>
    /// <summary>A batch-level point as read (a record, not a tuple: PostgreSQL's provider reads a projected tuple as
    /// one row value).</summary>
    internal sealed record BatchPoint(int BatchId, string MetricKey, double Value, long Id);

    internal static IQueryable<BatchPoint> BatchLevelPoints(DashboardDbContext db, int productId,
        DateTime since, DateTime until) =>
        db.MetricPoints.AsNoTracking()
            .Where(p => p.ProductId == productId && Keys.Contains(p.MetricKey) && p.At >= since && p.At <= until
                && p.BatchId != null && p.Column == null && p.Segment == null && !p.Shadow)
            .Select(p => new BatchPoint(p.BatchId!.Value, p.MetricKey, p.Value, p.Id));

    public static async Task<IReadOnlyList<KpiBatchAudit>> LoadAsync(DashboardDbContext db, DataProduct product, KpiPeriod period, DateTime from, DateTime to,
        CancellationToken ct)
    {
        var batches = (await db.Batches.AsNoTracking().Where(b => b.ProductId == product.Id && b.Status == BatchStatus.Analyzed)
                .Select(b => new { b.Id, b.Number, b.ReceivedAt, b.EventTimeFrom, b.EventTimeTo, b.ModelVersionId, b.LabelledRows }).ToListAsync(ct))
            .Select(b => new
            {
                b.Id, b.Number, b.ModelVersionId, b.LabelledRows, b.ReceivedAt,
                First = KpiPeriods.Start(b.EventTimeFrom ?? b.ReceivedAt, period),
                Last = KpiPeriods.Start(b.EventTimeTo ?? b.ReceivedAt, period),
            })
            .Where(b => b.First <= to && b.Last >= from)
            .ToList();
        if (batches.Count == 0)
            return [];
        // Points and gate evaluations carry their batch's ReceivedAt as At: read the range through the (product, key,
        // time) and (product, time) indexes and keep the run's batches here (a list of ids as SQL parameters costs more
        // than the rows it saves once a run is long).
        var ids = batches.Select(b => b.Id).ToHashSet();
        var since = batches.Min(b => b.ReceivedAt);
        var until = batches.Max(b => b.ReceivedAt);
        var points = (await BatchLevelPoints(db, product.Id, since, until).ToListAsync(ct)).Where(p => ids.Contains(p.BatchId));
        var values = points.GroupBy(p => p.BatchId).ToDictionary(g => g.Key,
            g => g.GroupBy(p => p.MetricKey).ToDictionary(k => k.Key, k => k.OrderByDescending(p => p.Id).First().Value));
        var performanceRules = (await db.GateRules.AsNoTracking().Where(r => r.ProductId == product.Id).ToListAsync(ct))
            .Where(r => r.MetricKey.StartsWith(PerformancePoints.Prefix, StringComparison.Ordinal) || r.MetricKey.StartsWith("concept.", StringComparison.Ordinal))
            .ToDictionary(r => r.Id, GateService.NameOf);
        var failed = performanceRules.Count == 0
            ? []
            : (await db.GateEvaluations.AsNoTracking()
                    .Where(e => e.ProductId == product.Id && e.At >= since && e.At <= until && e.BatchId != null && e.Status == GateStatus.Failed)
                    .Select(e => new { BatchId = e.BatchId!.Value, e.GateRuleId }).ToListAsync(ct))
                .Where(e => ids.Contains(e.BatchId) && performanceRules.ContainsKey(e.GateRuleId))
                .GroupBy(e => e.BatchId).ToDictionary(g => g.Key, g => g.Select(e => performanceRules[e.GateRuleId]).Distinct().ToList());
        var versionIds = batches.Select(b => b.ModelVersionId).Distinct().ToList();
        var holdouts = await db.ModelVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.HoldoutMetrics, ct);
        var metric = product.Task == TaskType.Regression ? "mae" : "accuracy";
        var features = product.Schema.Features.Count();

        return batches.Select(b =>
        {
            var v = values.GetValueOrDefault(b.Id) ?? [];
            double? Get(string key) => v.TryGetValue(key, out var x) ? x : null;
            var labelled = b.LabelledRows > 0;
            return new KpiBatchAudit(b.Id, b.First, b.Last,
                Get(AuditPoints.DatasetDrift) == 1, Get(AuditPoints.DriftShare), Get(AuditPoints.DriftedColumns) is { } d ? (int)d : null, features,
                labelled, labelled && Get(PerformancePoints.ConceptDegraded) == 1,
                labelled ? metric : null, labelled ? Get(PerformancePoints.ConceptValue) : null,
                holdouts.GetValueOrDefault(b.ModelVersionId) is { } h && h.TryGetValue(metric, out var hv) ? hv : null,
                failed.GetValueOrDefault(b.Id) ?? []) { BatchNumber = b.Number };
        }).ToList();
    }
}
