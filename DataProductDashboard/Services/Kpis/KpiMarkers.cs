using System.Globalization;
using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Kpis;

/// <summary>The audit events a KPI chart marks on its time axis: model releases (when a version became champion),
/// batches with dataset drift, and batches that failed a gate — each with a link to its evidence.</summary>
internal static class KpiMarkers
{
    public static async Task<IReadOnlyList<KpiMarker>> LoadAsync(DashboardDbContext db, int productId, CancellationToken ct)
    {
        var markers = new List<KpiMarker>();
        var releases = await db.ModelVersions.AsNoTracking().Where(v => v.ProductId == productId && v.PromotedAt != null)
            .Select(v => new { v.Number, v.Trainer, At = v.PromotedAt!.Value }).ToListAsync(ct);
        markers.AddRange(releases.Select(r => new KpiMarker(KpiMarkerKind.Release, r.At, $"v{r.Number}",
            $"Version {r.Number} ({r.Trainer}) became champion", $"/products/{productId}/models", Version: r.Number)));

        var batches = await db.Batches.AsNoTracking().Where(b => b.ProductId == productId && b.Status == BatchStatus.Analyzed)
            .Select(b => new { b.Id, b.Number, b.FileName, At = b.EventTimeFrom ?? b.ReceivedAt, To = b.EventTimeTo ?? b.ReceivedAt }).ToDictionaryAsync(b => b.Id, ct);
        var drift = await db.MetricPoints.AsNoTracking()
            .Where(p => p.ProductId == productId && p.BatchId != null && p.Column == null && !p.Shadow
                && (p.MetricKey == AuditPoints.DatasetDrift || p.MetricKey == AuditPoints.DriftShare || p.MetricKey == AuditPoints.DriftedColumns))
            .Select(p => new { BatchId = p.BatchId!.Value, p.MetricKey, p.Value }).ToListAsync(ct);
        foreach (var batch in drift.GroupBy(p => p.BatchId).Where(g => g.Any(p => p.MetricKey == AuditPoints.DatasetDrift && p.Value == 1)))
        {
            if (!batches.TryGetValue(batch.Key, out var b))
                continue;
            var share = batch.FirstOrDefault(p => p.MetricKey == AuditPoints.DriftShare)?.Value;
            var drifted = batch.FirstOrDefault(p => p.MetricKey == AuditPoints.DriftedColumns)?.Value;
            var what = drifted is { } d ? string.Create(CultureInfo.InvariantCulture, $"{d:0} features drifted") : "inputs drifted";
            markers.Add(new KpiMarker(KpiMarkerKind.DataDrift, b.At, "Data drift",
                $"Batch {BatchLabel.Of(b.Number)} ({b.FileName}): {what}{(share is { } s ? $", share {KpiNumbers.Format(s)}" : "")}", $"/batches/{b.Id}", BatchId: b.Id, To: b.To));
        }

        var failed = await db.GateEvaluations.AsNoTracking()
            .Where(e => e.ProductId == productId && e.BatchId != null && e.Status == GateStatus.Failed)
            .Select(e => new { BatchId = e.BatchId!.Value, Rule = e.GateRule! }).ToListAsync(ct);
        foreach (var batch in failed.GroupBy(e => e.BatchId))
        {
            if (!batches.TryGetValue(batch.Key, out var b))
                continue;
            var names = batch.Select(e => GateService.NameOf(e.Rule)).Distinct().ToList();
            markers.Add(new KpiMarker(KpiMarkerKind.FailedGate, b.At, names.Count == 1 ? "Failed gate" : $"{names.Count} failed gates",
                $"Batch {BatchLabel.Of(b.Number)} ({b.FileName}): {string.Join("; ", names)}", $"/batches/{b.Id}", BatchId: b.Id, To: b.To));
        }
        return markers.OrderBy(m => m.At).ThenBy(m => m.Kind).ToList();
    }
}
