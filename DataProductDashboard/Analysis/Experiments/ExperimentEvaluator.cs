namespace DataProductDashboard.Analysis.Experiments;

/// <summary>Compares every metric of an A/B test between its arms, corrects the p-values for multiple testing with Holm's
/// method over the whole family (primary and secondary metrics together), and plans the sample size of the primary
/// metric: rates from the champion arm's rate so far (or <c>holdoutBaseline</c> before there is data), means from the
/// champion arm's standard deviation.</summary>
public static class ExperimentEvaluator
{
    public static ExperimentResult Evaluate(IReadOnlyList<(ExperimentMetric Metric, ArmSample Champion, ArmSample Challenger)> samples, string primaryKey,
        double alpha, double power, double minimumDetectableEffect, double challengerShare, double? holdoutBaseline)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var comparisons = samples.Select(s => ExperimentMetrics.Compare(s.Metric, s.Champion, s.Challenger, alpha)).OfType<ArmComparison>().ToList();
        var adjusted = AbTests.HolmAdjust(comparisons);
        var primary = adjusted.FirstOrDefault(c => c.Metric == primaryKey);
        var secondary = adjusted.Where(c => c.Metric != primaryKey).ToList();

        var primarySample = samples.FirstOrDefault(s => s.Metric.Key == primaryKey);
        if (primarySample.Metric is null)
            return new ExperimentResult(primary, secondary, null, null, 0, 0);
        var (metric, champion, challenger) = primarySample;
        var baseline = champion.Rate is { Trials: > 0 } rate ? rate.Rate : holdoutBaseline;
        var plan = ExperimentMetrics.Plan(metric.Kind, baseline, champion.StandardDeviation, minimumDetectableEffect, alpha, power, challengerShare);
        return new ExperimentResult(primary, secondary, plan, plan?.Progress(champion.Count, challenger.Count), champion.Count, challenger.Count);
    }
}
