using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Idempotency;

/// <summary>The same Idempotency-Key came with a different request (422), or while its first request still runs (409).</summary>
public sealed class IdempotencyConflictException(string message, int statusCode) : DashboardException(message)
{
    public override int StatusCode { get; } = statusCode;
    public override string Title => StatusCode == 422 ? "Idempotency-Key reused for a different request" : "Idempotency-Key in use";
}
