using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Kpi;

/// <summary>Why a KPI left its band for a sustained run, judged on the audit of the batches whose rows fall in the run's
/// periods — in this order:
/// <list type="number">
/// <item><b>Concept drift</b> when model performance fell in the run: a batch with a degraded concept-drift verdict
/// (its performance interval entirely worse than hold-out) or a failed performance gate. Evidence: the batch that fell
/// furthest below hold-out.</item>
/// <item>Otherwise <b>data drift</b> when dataset drift (drifted share ≥ the product's threshold) was detected in a
/// strict majority of the run's periods. Evidence: the batch with the highest drifted share.</item>
/// <item>Otherwise <b>business drift</b>: data and model were stable (or nothing was audited) while the KPI moved —
/// reassess the KPI's target or the market. Evidence: the newest batch of the run.</item>
/// </list></summary>
public static class DriftClassifier
{
    public static BusinessDriftFinding Classify(KpiRun run, KpiTarget target, KpiPeriod period, IReadOnlyList<KpiBatchAudit> audits)
    {
        if (run.Length == 0)
            throw new ArgumentException("An empty run cannot be classified.", nameof(run));
        var periods = run.Periods.Select(p => p.PeriodStart).ToList();
        var inRun = audits.Where(a => periods.Any(a.Covers)).ToList();
        var (latest, gap) = Measure(run, target);
        var span = KpiPeriods.Count(run.Length, period);
        var noun = KpiPeriods.Noun(period) + "s";
        var labelled = inRun.Count(a => a.Labelled);

        BusinessDriftFinding Finding(DriftClassification classification, string reason, KpiBatchAudit? evidence) =>
            new(classification, run.From, run.To, run.Length, latest, gap, reason, evidence?.BatchId) { EvidenceBatchNumber = evidence?.BatchNumber };

        var fell = inRun.Where(a => a.PerformanceFell).ToList();
        if (fell.Count > 0)
        {
            var worst = fell.OrderByDescending(a => a.Decay ?? double.NegativeInfinity).ThenByDescending(a => a.LastPeriod).ThenByDescending(a => a.BatchId).First();
            var what = new List<string>();
            if (worst.ConceptDegraded && worst.PerformanceValue is { } v && worst.HoldoutValue is { } h)
                what.Add($"{MetricName(worst.PerformanceMetric)} {N(v)} against {N(h)} on hold-out{(worst.Decay is { } d ? $", {Pct(d)} worse" : "")} (concept drift)");
            else if (worst.ConceptDegraded)
                what.Add("a degraded concept-drift verdict");
            if (worst.FailedPerformanceGates.Count > 0)
                what.Add($"failed {(worst.FailedPerformanceGates.Count == 1 ? "gate" : "gates")} {string.Join(", ", worst.FailedPerformanceGates.Select(g => $"'{g}'"))}");
            var others = fell.Count > 1 ? $" Performance fell on {fell.Count} of the {labelled} labelled batches in these {noun}." : "";
            return Finding(DriftClassification.ConceptDrift,
                $"Model performance fell in the same {noun}: batch {BatchLabel.Of(worst.BatchNumber)} shows {string.Join(" and ", what)}.{others} Look at the model first: retrain or roll back.",
                worst);
        }

        var drifted = periods.Count(p => inRun.Any(a => a.Covers(p) && a.DatasetDrift));
        var performance = labelled == 0
            ? "model performance is not known yet (no labels in these periods)"
            : $"model performance held on {labelled} labelled batch{(labelled == 1 ? "" : "es")} (no degraded verdict, no failed performance gate)";
        if (drifted * 2 > periods.Count)
        {
            var worst = inRun.Where(a => a.DatasetDrift).OrderByDescending(a => a.DriftShare ?? 0).ThenByDescending(a => a.LastPeriod).ThenByDescending(a => a.BatchId).First();
            return Finding(DriftClassification.DataDrift,
                $"Inputs drifted in {drifted} of {span} (batch {BatchLabel.Of(worst.BatchNumber)}: {DriftText(worst)}) while {performance}. Check the data pipeline, or retrain on recent data.",
                worst);
        }

        if (inRun.Count == 0)
        {
            return Finding(DriftClassification.BusinessDrift,
                $"No batch was audited in these {span}, so the drop shows neither in the data nor in the model: reassess the KPI's target or the market.",
                null);
        }
        var newest = inRun.OrderByDescending(a => a.LastPeriod).ThenByDescending(a => a.BatchId).First();
        var calmest = inRun.OrderByDescending(a => a.DriftShare ?? 0).First();
        var data = drifted == 0
            ? $"no dataset drift (largest drifted share {N(calmest.DriftShare ?? 0)}, batch {BatchLabel.Of(calmest.BatchNumber)})"
            : $"dataset drift in only {drifted} of {span}";
        return Finding(DriftClassification.BusinessDrift,
            $"Data and model were stable in these {span}: {data}, and {performance}. The KPI moved on its own: reassess its target or the market.",
            newest);
    }

    /// <summary>"Concept drift", "Data drift", "Business drift".</summary>
    /// <summary>A finding classified earlier for the same run (same periods), with its latest value and mean gap taken
    /// from <paramref name="run"/> as it is now; null when the run's periods differ (classify it again).</summary>
    public static BusinessDriftFinding? Reuse(BusinessDriftFinding? earlier, KpiRun run, KpiTarget target)
    {
        if (earlier is null || !run.Sustained || earlier.From != run.From || earlier.To != run.To || earlier.Periods != run.Length)
            return null;
        var (latest, gap) = Measure(run, target);
        return earlier with { LatestValue = latest, RelativeGap = gap };
    }

    private static (double Latest, double Gap) Measure(KpiRun run, KpiTarget target)
    {
        var gaps = run.Periods.Select(p => target.RelativeGap(p.Value)).Where(g => g is not null).Select(g => g!.Value).ToList();
        return (run.Periods[^1].Value ?? double.NaN, gaps.Count == 0 ? 0 : gaps.Average());
    }

    public static string Name(DriftClassification classification) => classification switch
    {
        DriftClassification.ConceptDrift => "Concept drift",
        DriftClassification.DataDrift => "Data drift",
        _ => "Business drift",
    };

    private static string DriftText(KpiBatchAudit a) => a.DriftedColumns is { } d && a.FeatureColumns is { } c and > 0
        ? $"{d} of {c} features drifted, share {N(a.DriftShare ?? (double)d / c)}"
        : $"drifted share {N(a.DriftShare ?? 0)}";

    private static string MetricName(string? metric) => metric switch
    {
        "mae" => "MAE",
        "accuracy" => "accuracy",
        null => "performance",
        _ => metric,
    };

    private static string N(double value) => KpiNumbers.Format(value);

    private static string Pct(double share) => KpiNumbers.Percent(share);
}
