namespace DataProductDashboard.Domain;

/// <summary>What was asked for existed but has been removed on purpose (e.g. rows expired by retention).</summary>
public sealed class GoneException(string message) : DashboardException(message)
{
    public override int StatusCode => 410;
    public override string Title => "Gone";
}
