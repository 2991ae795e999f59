namespace DataProductDashboard.Domain;

/// <summary>One page of a list and the size of the whole list.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);
