using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Jobs;

/// <summary>The app is saturated: answered 503 with Retry-After, never a 500.</summary>
public sealed class ServiceBusyException(string message, TimeSpan retryAfter) : DashboardException(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
    public override int StatusCode => 503;
    public override string Title => "Busy, try again shortly";
}
