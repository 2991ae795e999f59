namespace DataProductDashboard.Analysis.Experiments;

/// <summary>Compares every metric of an A/B test between its arms. The primary metric — the one the decision and the
/// sample-size plan rest on — is tested at α on its own; the secondary metrics are corrected for multiple testing with
/// Holm's method among themselves (so that the planned power of the primary holds). The plan of the primary metric: rates from the champion arm's rate so far (or <c>holdoutBaseline</c> before there is data), means from the
/// champion arm's standard deviation.</summary>
public static class ExperimentEvaluator
{
    public static ExperimentResult Evaluate(IReadOnlyList<(ExperimentMetric Metric, ArmSample Champion, ArmSample Challenger)> samples, string primaryKey,
        double alpha, double power, double minimumDetectableEffect, double challengerShare, double? holdoutBaseline)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var comparisons = samples.Select(s => ExperimentMetrics.Compare(s.Metric, s.Champion, s.Challenger, alpha)).OfType<ArmComparison>().ToList();
        var primary = comparisons.FirstOrDefault(c => c.Metric == primaryKey);
        var secondary = AbTests.HolmAdjust(comparisons.Where(c => c.Metric != primaryKey).ToList()).ToList();

        var primarySample = samples.FirstOrDefault(s => s.Metric.Key == primaryKey);
        if (primarySample.Metric is null)
            return new ExperimentResult(primary, secondary, null, null, 0, 0);
        var (metric, champion, challenger) = primarySample;
        var baseline = champion.Rate is { Trials: > 0 } rate ? rate.Rate : holdoutBaseline;
        var plan = ExperimentMetrics.Plan(metric.Kind, baseline, champion.StandardDeviation, minimumDetectableEffect, alpha, power, challengerShare);
        return new ExperimentResult(primary, secondary, plan, plan?.Progress(champion.Count, challenger.Count), champion.Count, challenger.Count);
    }
}
