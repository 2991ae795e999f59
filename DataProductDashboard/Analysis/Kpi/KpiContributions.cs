using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Kpi;

/// <summary>Turns the rows of one batch into its contributions to a KPI: per (period, arm), the sum of the row values
/// and how many rows were counted, so that sums, means and counts combine across batches
/// (<see cref="KpiSeries"/>).</summary>
public static class KpiContributions
{
    /// <summary>Groups row values by the period of each row's time (and by arm, when rows carry one). A missing value
    /// (NaN) is skipped — unless <paramref name="pendingWhenMissing"/> (a label-based KPI, where a missing value is a
    /// label still to come): then a group with any missing value contributes only a pending marker (sum 0, weight 0),
    /// so that a period counts once all its rows are labelled. A group with nothing counted and nothing pending
    /// contributes nothing.</summary>
    public static IReadOnlyList<KpiObservation> Group(IReadOnlyList<DateTime> rowTimes, IReadOnlyList<double> rowValues,
        IReadOnlyList<ExperimentArm?>? rowArms, KpiPeriod period, bool pendingWhenMissing)
    {
        if (rowTimes.Count != rowValues.Count || (rowArms is not null && rowArms.Count != rowValues.Count))
            throw new ArgumentException($"Row times ({rowTimes.Count}), values ({rowValues.Count}) and arms ({rowArms?.Count}) must have one entry per row.");
        var groups = new Dictionary<(DateTime, ExperimentArm?), (double Sum, double Count, bool Pending)>();
        for (var i = 0; i < rowValues.Count; i++)
        {
            var key = (KpiPeriods.Start(rowTimes[i], period), rowArms?[i]);
            var (sum, count, pending) = groups.GetValueOrDefault(key);
            var value = rowValues[i];
            if (double.IsNaN(value))
                groups[key] = (sum, count, pending || pendingWhenMissing);
            else
                groups[key] = (sum + value, count + 1, pending);
        }
        return groups
            .Where(g => g.Value.Pending || g.Value.Count > 0)
            .Select(g => g.Value.Pending
                ? new KpiObservation(g.Key.Item1, g.Key.Item2, 0, 0)
                : new KpiObservation(g.Key.Item1, g.Key.Item2, g.Value.Sum, g.Value.Count))
            .OrderBy(o => o.PeriodStart).ThenBy(o => o.Arm)
            .ToList();
    }

    /// <summary>The contributions of a batch read in parts: the groups of each part (from <see cref="Group"/>) merged by
    /// period and arm — sums and weights add up, and a group pending in any part (weight 0) stays pending.</summary>
    public static IReadOnlyList<KpiObservation> Merge(IEnumerable<KpiObservation> parts)
    {
        var groups = new Dictionary<(DateTime, ExperimentArm?), (double Sum, double Weight, bool Pending)>();
        foreach (var o in parts)
        {
            var key = (o.PeriodStart, o.Arm);
            var (sum, weight, pending) = groups.GetValueOrDefault(key);
            groups[key] = o.Weight == 0 ? (sum, weight, true) : (sum + o.Value, weight + o.Weight, pending);
        }
        return groups
            .Select(g => g.Value.Pending ? new KpiObservation(g.Key.Item1, g.Key.Item2, 0, 0) : new KpiObservation(g.Key.Item1, g.Key.Item2, g.Value.Sum, g.Value.Weight))
            .OrderBy(o => o.PeriodStart).ThenBy(o => o.Arm)
            .ToList();
    }

    /// <summary>The misclassification cost of each row of a binary classifier: <paramref name="costFalsePositive"/> when
    /// it predicted positive (1) and the label is negative (0), <paramref name="costFalseNegative"/> when it predicted
    /// negative and the label is positive, 0 when it was right; NaN while the label is missing. The KPI is the mean of
    /// these over the labelled rows of a period: the expected cost per decision.</summary>
    public static double[] MisclassificationCosts(IReadOnlyList<double> predicted, IReadOnlyList<double> labels,
        double costFalsePositive, double costFalseNegative)
    {
        if (predicted.Count != labels.Count)
            throw new ArgumentException($"{predicted.Count} predictions but {labels.Count} labels.", nameof(labels));
        var costs = new double[predicted.Count];
        for (var i = 0; i < costs.Length; i++)
        {
            if (double.IsNaN(labels[i]))
            {
                costs[i] = double.NaN;
                continue;
            }
            var predictedPositive = predicted[i] >= 0.5;
            var positive = labels[i] >= 0.5;
            costs[i] = predictedPositive && !positive ? costFalsePositive
                : !predictedPositive && positive ? costFalseNegative
                : 0;
        }
        return costs;
    }
}
