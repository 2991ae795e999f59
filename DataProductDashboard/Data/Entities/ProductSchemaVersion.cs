using DataProductDashboard.Domain;

namespace DataProductDashboard.Data.Entities;

/// <summary>One version of a product's schema: what batches numbered with it were validated against.</summary>
public sealed class ProductSchemaVersion
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public DataProduct? Product { get; set; }
    public int Version { get; set; }
    public required ProductSchema Schema { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    /// <summary>What changed against the version before, a sentence per change.</summary>
    public string Changes { get; set; } = "";
}
