using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Drift;

/// <summary>Reference and current data of one column: sorted finite numbers, or category counts.</summary>
public sealed record ColumnPair(string Column, ColumnKind Kind, NumericSample? ReferenceNumbers, NumericSample? CurrentNumbers,
    CategoryCounts? ReferenceCategories, CategoryCounts? CurrentCategories)
{
    public static ColumnPair Numeric(string column, NumericSample reference, NumericSample current) =>
        new(column, ColumnKind.Numeric, reference, current, null, null);

    public static ColumnPair Categorical(string column, CategoryCounts reference, CategoryCounts current) =>
        new(column, ColumnKind.Categorical, null, null, reference, current);

    public bool IsNumeric => ReferenceNumbers is not null;

    public long ReferenceCount => ReferenceNumbers?.Count ?? ReferenceCategories!.Total;

    public long CurrentCount => CurrentNumbers?.Count ?? CurrentCategories!.Total;

    /// <summary>Distinct values of reference ∪ current.</summary>
    public int DistinctCount => IsNumeric
        ? ReferenceNumbers!.DistinctWith(CurrentNumbers!)
        : ReferenceCategories!.KeysWith(CurrentCategories!).Count;

    public CategoryCounts ReferenceAsCategories => ReferenceCategories ?? ReferenceNumbers!.AsCategories();

    public CategoryCounts CurrentAsCategories => CurrentCategories ?? CurrentNumbers!.AsCategories();

    public BinnedShares Shares() => IsNumeric
        ? BinnedShares.Numeric(ReferenceNumbers!, CurrentNumbers!)
        : BinnedShares.Categorical(ReferenceCategories!, CurrentCategories!);
}
