using DataProductDashboard.Analysis.Statistics;

namespace DataProductDashboard.Analysis.Drift;

/// <summary>Reference and current shares over common bins: numeric values in numpy's Sturges equal-width bins over
/// reference ∪ current; categories over the union of keys (ordinal order). Input of Jensen–Shannon, PSI, Hellinger.</summary>
public sealed record BinnedShares(double[] Reference, double[] Current, IReadOnlyList<string> Labels)
{
    public static BinnedShares Numeric(NumericSample reference, NumericSample current)
    {
        // Edges over reference ∪ current without building the union (8 bytes × rows per column).
        var edges = NumpyHistogram.SturgesEdges(reference.Values, current.Values);
        var labels = Enumerable.Range(0, edges.Length - 1).Select(i => $"[{edges[i]:G4}, {edges[i + 1]:G4}{(i == edges.Length - 2 ? "]" : ")")}").ToList();
        return new BinnedShares(
            Shares(NumpyHistogram.Counts(reference.Values, edges), reference.Count),
            Shares(NumpyHistogram.Counts(current.Values, edges), current.Count),
            labels);
    }

    public static BinnedShares Categorical(CategoryCounts reference, CategoryCounts current)
    {
        var keys = reference.KeysWith(current);
        return new BinnedShares(
            keys.Select(k => (double)reference[k] / reference.Total).ToArray(),
            keys.Select(k => (double)current[k] / current.Total).ToArray(),
            keys);
    }

    private static double[] Shares(long[] counts, int total) => counts.Select(c => (double)c / total).ToArray();
}
