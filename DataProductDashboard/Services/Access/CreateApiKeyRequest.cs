namespace DataProductDashboard.Services.Access;

/// <summary>What a new API key may do: a role, optionally only for some products, optionally until a date (UTC, end of day).</summary>
public sealed record CreateApiKeyRequest(string Name, string Role, IReadOnlyList<int>? ProductIds = null, DateOnly? Expires = null);
