namespace DataProductDashboard.Data.Entities;

/// <summary>The first answer to an upload sent with an <c>Idempotency-Key</c>: a retry with the same key and the same
/// request gets it again instead of doing the work twice.</summary>
public sealed class IdempotencyRecord
{
    /// <summary>Who sent it and where: the caller (API key or user) and the route.</summary>
    public required string Scope { get; set; }
    public required string Key { get; set; }
    /// <summary>SHA-256 of the request (method, path, query, file content and form fields).</summary>
    public required string RequestHash { get; set; }
    /// <summary>0 while the first request is still being processed.</summary>
    public int StatusCode { get; set; }
    public string? Location { get; set; }
    public string? ResponseJson { get; set; }
    public DateTime CreatedAt { get; set; }
}
