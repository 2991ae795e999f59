namespace DataProductDashboard.Data.Entities;

/// <summary>A pipeline's credential: stored only as the SHA-256 of the key, with a short visible prefix.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters of the key ("dpd_Ab12Cd34"), shown to tell keys apart.</summary>
    public required string Prefix { get; set; }
    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string Hash { get; set; }
    public required string Role { get; set; }
    /// <summary>Comma-separated product ids the key may use; null = every product.</summary>
    public string? ProductIds { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
}
