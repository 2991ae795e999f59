using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Products;

/// <summary>A data product with its schema and headline numbers.</summary>
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
    int? LastBatchId = null);
