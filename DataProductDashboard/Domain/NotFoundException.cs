namespace DataProductDashboard.Domain;

/// <summary>An id that names nothing.</summary>
public sealed class NotFoundException(string what, object id)
    : DashboardException($"{what} '{id}' was not found.")
{
    public override int StatusCode => 404;
    public override string Title => "Not found";
}
