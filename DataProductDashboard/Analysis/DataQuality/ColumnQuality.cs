using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.DataQuality;

/// <summary>Quality of one column in a batch. Shares are of the batch's rows.</summary>
/// <param name="MissingShare">Completeness: share of empty cells.</param>
/// <param name="UnseenShare">Validity: share of rows whose category never occurs in the reference (categorical).</param>
/// <param name="OutOfReferenceRangeShare">Share of rows outside the reference's [min, max] (numeric).</param>
/// <param name="Distinct">Distinct non-missing values (numeric columns: counted up to DataQualityAnalyzer.DistinctCap).</param>
public sealed record ColumnQuality(
    string Column,
    ColumnKind Kind,
    double MissingShare,
    double UnseenShare,
    double OutOfReferenceRangeShare,
    int Distinct,
    IReadOnlyList<string> UnseenCategories);
