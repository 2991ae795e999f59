namespace DataProductDashboard.Analysis.Drift;

/// <summary>Reference and current shares of one column over common bins, for the overlay chart: numeric columns with
/// few values get one bin per value (all integers with at most <see cref="MaxIntegerValues"/> distinct values, e.g. a
/// month 1…12, or at most <see cref="MaxAnyValues"/> distinct values), other numeric columns Sturges bins over
/// reference ∪ current, categorical columns the union of categories. Computed when the batch is audited, from the
/// same data as its drift test (the numeric sample of a long batch, see <see cref="DatasetDriftResult.SampledFrom"/>),
/// and stored with the audit, so the chart never reads the batch again. Only the picture: the drift statistics bin
/// the values their own way (<see cref="ColumnPair.Shares"/>).</summary>
/// <param name="PerValue">Each numeric bin is one distinct value (labelled with it) rather than a range.</param>
public sealed record ColumnDistribution(string Column, string Kind, IReadOnlyList<string> Bins, double[] Reference, double[] Current,
    long ReferenceCount, long CurrentCount, bool PerValue = false)
{
    /// <summary>Integer-valued numeric columns with at most this many distinct values get one bin per value.</summary>
    public const int MaxIntegerValues = 30;

    /// <summary>Numeric columns with at most this many distinct values (integers or not) get one bin per value.</summary>
    public const int MaxAnyValues = 10;

    public static ColumnDistribution Of(ColumnPair pair)
    {
        if (pair.IsNumeric && BinnedShares.PerValue(pair.ReferenceNumbers!, pair.CurrentNumbers!, MaxIntegerValues, MaxAnyValues) is { } values)
            return new ColumnDistribution(pair.Column, pair.Kind.ToString(), values.Labels, values.Reference, values.Current, pair.ReferenceCount, pair.CurrentCount, PerValue: true);
        var shares = pair.Shares();
        return new ColumnDistribution(pair.Column, pair.Kind.ToString(), shares.Labels, shares.Reference, shares.Current, pair.ReferenceCount, pair.CurrentCount);
    }
}
