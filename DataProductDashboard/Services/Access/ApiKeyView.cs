namespace DataProductDashboard.Services.Access;

/// <summary>An API key as the Admin page, the API and `apikeys list` show it: never the key itself.</summary>
public sealed record ApiKeyView
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    public required string Prefix { get; init; }
    public required string Role { get; init; }
    /// <summary>Null: every product.</summary>
    public IReadOnlyList<int>? ProductIds { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public DateTime? ExpiresAt { get; init; }
    public DateTime? LastUsedAt { get; init; }
    public DateTime? RevokedAt { get; init; }
    public string? RevokedBy { get; init; }
    /// <summary>"Active", "Expired" or "Revoked".</summary>
    public required string State { get; init; }
}
