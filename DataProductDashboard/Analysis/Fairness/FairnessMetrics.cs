namespace DataProductDashboard.Analysis.Fairness;

/// <summary>The group-fairness metrics across the groups of one attribute, as Fairlearn defines them:
/// demographic parity difference (max − min selection rate) and ratio (min ÷ max), disparate impact (the least favoured
/// group's selection rate over the most favoured group's: the four-fifths rule compares it with 0.8, and it equals the
/// parity ratio), equalized-odds difference (the larger of the true- and false-positive-rate ranges) and
/// equal-opportunity difference (the true-positive-rate range). A rate a group does not have (no positive rows for the
/// TPR, no negative ones for the FPR) is left out of its range; a metric no two groups can define is NaN.</summary>
public static class FairnessMetrics
{
    public const string DemographicParityDifference = "demographicParityDifference";
    public const string DemographicParityRatio = "demographicParityRatio";
    public const string DisparateImpact = "disparateImpact";
    public const string EqualizedOddsDifference = "equalizedOddsDifference";
    public const string EqualOpportunityDifference = "equalOpportunityDifference";

    /// <summary>Batches a fairness point is measured over: the batch and the ones received before it (one batch rarely
    /// holds enough rows of every group).</summary>
    public const int WindowBatches = 4;

    /// <summary>The four-fifths rule: a disparate impact below this is adverse.</summary>
    public const double FourFifths = 0.8;

    public static readonly IReadOnlyList<string> Names =
        [DemographicParityDifference, DemographicParityRatio, DisparateImpact, EqualizedOddsDifference, EqualOpportunityDifference];

    /// <summary>Whether lower values of the metric are fairer (the differences) or higher ones (the ratios).</summary>
    public static bool LowerIsFairer(string name) => name is DemographicParityDifference or EqualizedOddsDifference or EqualOpportunityDifference;

    /// <summary>Every metric over <paramref name="groups"/> (the groups judged: at least the minimum support).</summary>
    public static Dictionary<string, double> Compute(IReadOnlyList<GroupConfusion> groups)
    {
        var selection = Range(groups.Select(g => g.SelectionRate));
        var tpr = Range(groups.Select(g => g.TruePositiveRate));
        var fpr = Range(groups.Select(g => g.FalsePositiveRate));
        var ratio = selection.Count >= 2 && selection.Max > 0 ? selection.Min / selection.Max : double.NaN;
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [DemographicParityDifference] = selection.Count >= 2 ? selection.Max - selection.Min : double.NaN,
            [DemographicParityRatio] = ratio,
            [DisparateImpact] = ratio,
            [EqualizedOddsDifference] = tpr.Count >= 2 || fpr.Count >= 2
                ? Math.Max(tpr.Count >= 2 ? tpr.Max - tpr.Min : double.NegativeInfinity, fpr.Count >= 2 ? fpr.Max - fpr.Min : double.NegativeInfinity)
                : double.NaN,
            [EqualOpportunityDifference] = tpr.Count >= 2 ? tpr.Max - tpr.Min : double.NaN,
        };
    }

    /// <summary>Each group's selection rate over the highest selection rate among <paramref name="judged"/> groups.</summary>
    public static double DisparateImpactOf(GroupConfusion group, IReadOnlyList<GroupConfusion> judged)
    {
        var max = judged.Select(g => g.SelectionRate).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max();
        return max > 0 ? group.SelectionRate / max : double.NaN;
    }

    private static (int Count, double Min, double Max) Range(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        return finite.Count == 0 ? (0, double.NaN, double.NaN) : (finite.Count, finite.Min(), finite.Max());
    }
}
