namespace DataProductDashboard.Analysis.Drift;

/// <summary>Reference and current shares of one column over common bins (numeric: Sturges bins over reference ∪
/// current; categorical: the union of categories), for the overlay chart. Computed when the batch is audited, from the
/// same data as its drift test (the numeric sample of a long batch, see <see cref="DatasetDriftResult.SampledFrom"/>),
/// and stored with the audit, so the chart never reads the batch again.</summary>
public sealed record ColumnDistribution(string Column, string Kind, IReadOnlyList<string> Bins, double[] Reference, double[] Current,
    long ReferenceCount, long CurrentCount)
{
    public static ColumnDistribution Of(ColumnPair pair)
    {
        var shares = pair.Shares();
        return new ColumnDistribution(pair.Column, pair.Kind.ToString(), shares.Labels, shares.Reference, shares.Current, pair.ReferenceCount, pair.CurrentCount);
    }
}
