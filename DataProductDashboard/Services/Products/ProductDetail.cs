using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Products;

/// <summary>A data product with its schema and headline numbers. <see cref="TimeZone"/>: the IANA zone its dates are shown in
/// (null: UTC).</summary>
public sealed record ProductDetail(
    int Id,
    string Name,
    string Description,
    string Owner,
    TaskType Task,
    ProductSchema Schema,
    int? ChampionVersion,
    int ModelCount,
    int BatchCount,
    long RowsScored,
    DateTime? LastBatchAt,
    DateTime CreatedAt,
    GateStatus? Health = null,
    int OpenAlerts = 0,
    int? LastBatchId = null,
    string? TimeZone = null,
    DateTime? ArchivedAt = null,
    int? RetentionDays = null,
    int SchemaVersion = 1,
    double? ExpectedCadenceHours = null)
{
    /// <summary>Archived: read-only, hidden from the portfolio by default.</summary>
    public bool IsArchived => ArchivedAt is not null;

    /// <summary>The last batch's number within the product ("#3"), beside <see cref="LastBatchId"/>.</summary>
    public int? LastBatchNumber { get; init; }
}
