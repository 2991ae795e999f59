namespace DataProductDashboard.Analysis.Fairness;

/// <summary>The confusion counts of one group's labelled rows of a binary model, and the rates Fairlearn's
/// <c>MetricFrame</c> reports per group (NaN where a denominator is 0).</summary>
public readonly record struct GroupConfusion(long TruePositive, long FalsePositive, long TrueNegative, long FalseNegative)
{
    public long Support => TruePositive + FalsePositive + TrueNegative + FalseNegative;

    /// <summary>Share of the group's rows predicted positive.</summary>
    public double SelectionRate => Ratio(TruePositive + FalsePositive, Support);

    /// <summary>Of the group's positive rows, the share predicted positive (recall).</summary>
    public double TruePositiveRate => Ratio(TruePositive, TruePositive + FalseNegative);

    /// <summary>Of the group's negative rows, the share predicted positive.</summary>
    public double FalsePositiveRate => Ratio(FalsePositive, FalsePositive + TrueNegative);

    public double Precision => Ratio(TruePositive, TruePositive + FalsePositive);

    public double Accuracy => Ratio(TruePositive + TrueNegative, Support);

    public GroupConfusion Plus(GroupConfusion other) => new(TruePositive + other.TruePositive, FalsePositive + other.FalsePositive,
        TrueNegative + other.TrueNegative, FalseNegative + other.FalseNegative);

    /// <summary>One labelled row: <paramref name="predicted"/> and <paramref name="label"/> are 1 for the positive class.</summary>
    public GroupConfusion Add(bool predicted, bool label, long count = 1) => (predicted, label) switch
    {
        (true, true) => this with { TruePositive = TruePositive + count },
        (true, false) => this with { FalsePositive = FalsePositive + count },
        (false, false) => this with { TrueNegative = TrueNegative + count },
        _ => this with { FalseNegative = FalseNegative + count },
    };

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? double.NaN : (double)numerator / denominator;
}
