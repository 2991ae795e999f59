namespace DataProductDashboard.Domain;

/// <summary>A request that conflicts with the current state (e.g. promoting a retired version).</summary>
public sealed class ConflictException(string message) : DashboardException(message)
{
    public override int StatusCode => 409;
    public override string Title => "Conflict";
}
