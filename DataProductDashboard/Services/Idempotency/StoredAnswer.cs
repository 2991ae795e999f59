namespace DataProductDashboard.Services.Idempotency;

/// <summary>The first answer to a request with an Idempotency-Key: status, Location and JSON body.</summary>
public sealed record StoredAnswer(int StatusCode, string? Location, string Json);
