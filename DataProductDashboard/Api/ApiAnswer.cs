namespace DataProductDashboard.Api;

/// <summary>A successful answer of an upload endpoint: status, Location and body (stored for Idempotency-Key replays).</summary>
public sealed record ApiAnswer(int StatusCode, string? Location, object Body);
