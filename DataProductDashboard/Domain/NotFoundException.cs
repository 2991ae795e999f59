namespace DataProductDashboard.Domain;

/// <summary>An id that names nothing.</summary>
public sealed class NotFoundException(string message) : DashboardException(message)
{
    public NotFoundException(string what, object id)
        : this($"{what} '{id}' was not found.")
    {
    }

    public static NotFoundException ModelVersion(int productId, int number) =>
        new($"Data product {productId} has no model version {number}.");

    public override int StatusCode => 404;
    public override string Title => "Not found";
}
