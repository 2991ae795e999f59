namespace DataProductDashboard.Services.Audit;

/// <summary>Reference and current shares of one column over common bins (numeric: Sturges bins over reference ∪
/// current; categorical: the union of categories), for the overlay chart.</summary>
public sealed record ColumnDistribution(string Column, string Kind, IReadOnlyList<string> Bins, double[] Reference, double[] Current,
    long ReferenceCount, long CurrentCount);
