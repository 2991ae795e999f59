using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.DataQuality;

/// <summary>Quality of one column in a batch. Shares are of the batch's rows.</summary>
/// <param name="MissingShare">Completeness: share of empty cells.</param>
/// <param name="UnseenShare">Validity: share of rows whose category never occurs in the reference (categorical).</param>
/// <param name="OutOfReferenceRangeShare">Share of rows outside the reference's [min, max] (numeric).</param>
/// <param name="Distinct">Distinct non-missing values (numeric columns: counted up to
/// <see cref="DataQualityAnalyzer.DistinctCap"/>, so there it is a lower bound: see <see cref="DistinctCapped"/>).</param>
public sealed record ColumnQuality(
    string Column,
    ColumnKind Kind,
    double MissingShare,
    double UnseenShare,
    double OutOfReferenceRangeShare,
    int Distinct,
    IReadOnlyList<string> UnseenCategories)
{
    /// <summary>Whether <see cref="Distinct"/> is a lower bound: a numeric column stops counting distinct values at
    /// <see cref="DataQualityAnalyzer.DistinctCap"/> (counting them all would hold every value of a large batch in
    /// memory), so it has at least that many. Categorical and timestamp counts are exact. Derived, so results stored
    /// before the flag existed read the same.</summary>
    public bool DistinctCapped => Kind == ColumnKind.Numeric && Distinct >= DataQualityAnalyzer.DistinctCap;
}
