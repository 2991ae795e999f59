using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Kpi;

/// <summary>Combines stored observations into one value per period. Uploaded KPIs: the period's value (observations
/// without an arm; the arms have their own series). Batch-column KPIs: the sum (Σ value), mean (Σ value / Σ rows) or
/// count (Σ rows) of the column over every batch and arm that contributed. Misclassification cost: the mean cost per
/// labelled decision (Σ cost / Σ labelled rows).
/// <para>Completeness: an uploaded value is final. A computed period is complete when it is not pending (no row waits
/// for its label) and some later period has data — until then a batch may still add rows to it.</para></summary>
public static class KpiSeries
{
    /// <summary>The overall series, oldest period first.</summary>
    public static IReadOnlyList<KpiPeriodValue> Combine(IReadOnlyList<KpiObservation> observations, KpiSource source, KpiAggregate? aggregate) =>
        Build(observations, source, aggregate, source == KpiSource.Uploaded ? o => o.Arm is null : _ => true, arm: null);

    /// <summary>The series of one A/B arm (only the observations tagged with it), oldest period first.</summary>
    public static IReadOnlyList<KpiPeriodValue> CombineArm(IReadOnlyList<KpiObservation> observations, KpiSource source, KpiAggregate? aggregate,
        ExperimentArm arm) =>
        Build(observations, source, aggregate, o => o.Arm == arm, arm);

    /// <summary>One value from a period's observations: see the class summary.</summary>
    public static double? ValueOf(IReadOnlyCollection<KpiObservation> observations, KpiSource source, KpiAggregate? aggregate)
    {
        var counted = observations.Where(o => !o.IsPending).ToList();
        if (counted.Count == 0)
            return null;
        var sum = counted.Sum(o => o.Value);
        var rows = counted.Sum(o => o.Weight);
        return source switch
        {
            KpiSource.Uploaded => sum / rows,
            KpiSource.MisclassificationCost => sum / rows,
            _ => (aggregate ?? KpiAggregate.Sum) switch
            {
                KpiAggregate.Mean => sum / rows,
                KpiAggregate.Count => rows,
                _ => sum,
            },
        };
    }

    private static IReadOnlyList<KpiPeriodValue> Build(IReadOnlyList<KpiObservation> observations, KpiSource source, KpiAggregate? aggregate,
        Func<KpiObservation, bool> include, ExperimentArm? arm)
    {
        // "A later period has data" looks at every observation (any arm, pending or not): rows arrived after the period.
        DateTime? newest = observations.Count == 0 ? null : observations.Max(o => o.PeriodStart);
        return observations.Where(include).GroupBy(o => o.PeriodStart).OrderBy(g => g.Key).Select(g =>
        {
            var list = g.ToList();
            var pending = source != KpiSource.Uploaded && list.Any(o => o.IsPending);
            var complete = source == KpiSource.Uploaded || (!pending && g.Key < newest);
            return new KpiPeriodValue(g.Key, arm, ValueOf(list, source, aggregate), list.Where(o => !o.IsPending).Sum(o => o.Weight), pending, complete);
        }).ToList();
    }
}
