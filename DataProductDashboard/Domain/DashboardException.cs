namespace DataProductDashboard.Domain;

/// <summary>An expected failure the caller can act on; the API turns it into RFC 7807 problem details.</summary>
public abstract class DashboardException(string message) : Exception(message)
{
    public abstract int StatusCode { get; }
    public abstract string Title { get; }
}
