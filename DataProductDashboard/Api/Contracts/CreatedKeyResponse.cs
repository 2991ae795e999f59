using DataProductDashboard.Services.Access;

namespace DataProductDashboard.Api.Contracts;

/// <summary>Answer of POST /api/admin/keys: the key as lists show it, and the key itself (shown this once only).</summary>
public sealed record CreatedKeyResponse(ApiKeyView ApiKey, string Key);
