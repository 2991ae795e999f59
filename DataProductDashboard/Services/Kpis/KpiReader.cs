using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Kpis;

/// <summary>Reads stored KPI values and judges them: series, latest complete period, status, off-target run and (when
/// the run is sustained) the classified business-drift finding. Shared by the KPI service, the recompute and the
/// portfolio.</summary>
internal static class KpiReader
{
    public static KpiTarget TargetOf(Kpi kpi) => new(kpi.Direction, kpi.Target, kpi.Tolerance);

    public static string Link(int productId, int kpiId) => $"/products/{productId}/kpis?kpi={kpiId}";

    /// <summary>The KPI counts labels: the misclassification cost, or an aggregate of the label column. Its periods
    /// count only once their rows are labelled.</summary>
    public static bool IsLabelBased(Kpi kpi, ProductSchema schema) => kpi.Source switch
    {
        KpiSource.MisclassificationCost => true,
        KpiSource.BatchColumn => kpi.Column is not null && schema.Label?.Name == kpi.Column,
        _ => false,
    };

    public static async Task<Dictionary<int, List<KpiObservation>>> ObservationsAsync(DashboardDbContext db, IReadOnlyCollection<int> kpiIds, CancellationToken ct)
    {
        var rows = await db.KpiValues.AsNoTracking().Where(v => kpiIds.Contains(v.KpiId))
            .Select(v => new { v.KpiId, v.PeriodStart, v.Arm, v.Value, v.Weight }).ToListAsync(ct);
        var result = kpiIds.ToDictionary(id => id, _ => new List<KpiObservation>());
        foreach (var r in rows)
            result[r.KpiId].Add(new KpiObservation(r.PeriodStart, r.Arm, r.Value, r.Weight));
        return result;
    }

    /// <summary>Series, latest complete period, status and run, without the (audit-reading) classification.</summary>
    public static KpiEvaluation Judge(Kpi kpi, IReadOnlyList<KpiObservation> observations)
    {
        var series = KpiSeries.Combine(observations, kpi.Source, kpi.Aggregate);
        var target = TargetOf(kpi);
        var latest = BusinessDriftRule.LatestComplete(series);
        var run = BusinessDriftRule.CurrentRun(series, target, kpi.RunLength);
        return new KpiEvaluation(series, latest, target.StatusOf(latest?.Value), run, null);
    }

    /// <summary><see cref="Judge"/>, then the finding of a sustained run: the KPI's stored finding when it was
    /// classified for the same periods, otherwise classified against the audit of its periods (always, with
    /// <paramref name="reclassify"/>: the recompute that stores it).</summary>
    public static async Task<KpiEvaluation> EvaluateAsync(DashboardDbContext db, DataProduct product, Kpi kpi, IReadOnlyList<KpiObservation> observations,
        CancellationToken ct, bool reclassify = false)
    {
        var judged = Judge(kpi, observations);
        if (!judged.Run.Sustained)
            return judged;
        if (!reclassify && DriftClassifier.Reuse(kpi.Finding, judged.Run, TargetOf(kpi)) is { } stored)
            return judged with { Finding = stored };
        var audits = await KpiAuditFacts.LoadAsync(db, product, kpi.Period, judged.Run.From, judged.Run.To, ct);
        return judged with { Finding = DriftClassifier.Classify(judged.Run, TargetOf(kpi), kpi.Period, audits) };
    }

    public static KpiOverview Overview(Kpi kpi, KpiEvaluation evaluation) => new(kpi.Id, kpi.ProductId, kpi.Name, kpi.Unit, kpi.Direction, kpi.Target,
        kpi.Tolerance, kpi.Period, kpi.Source, evaluation.Status, evaluation.Latest?.PeriodStart, evaluation.Latest?.Value,
        TargetOf(kpi).RelativeGap(evaluation.Latest?.Value), evaluation.Finding, Link(kpi.ProductId, kpi.Id));

    public static KpiDefinition Definition(Kpi k) => new(k.Id, k.ProductId, k.Name, k.Description, k.Unit, k.Direction, k.Target, k.Tolerance,
        k.Period, k.Source, k.Aggregate, k.Column, k.CostFalsePositive, k.CostFalseNegative, k.RunLength, k.Owner, k.CreatedAt, k.UpdatedAt);

    /// <summary>The overall points, then each A/B arm's (only when some value carries an arm).</summary>
    public static IReadOnlyList<KpiPoint> Points(Kpi kpi, IReadOnlyList<KpiObservation> observations, IReadOnlyList<KpiPeriodValue> overall)
    {
        var target = TargetOf(kpi);
        var points = overall.Select(p => Point(p, target)).ToList();
        foreach (var arm in observations.Where(o => o.Arm is not null).Select(o => o.Arm!.Value).Distinct().Order())
            points.AddRange(KpiSeries.CombineArm(observations, kpi.Source, kpi.Aggregate, arm).Select(p => Point(p, target)));
        return points;
    }

    private static KpiPoint Point(KpiPeriodValue p, KpiTarget target) =>
        new(p.PeriodStart, p.Arm, p.Value, p.Rows, p.Complete, p.Pending, target.StatusOf(p.Value), target.RelativeGap(p.Value));
}
