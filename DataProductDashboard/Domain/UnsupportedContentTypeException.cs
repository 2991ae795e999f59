namespace DataProductDashboard.Domain;

/// <summary>A request body of a content type the endpoint does not read.</summary>
public sealed class UnsupportedContentTypeException(string? contentType, string expected)
    : DashboardException($"Content type '{contentType ?? "(none)"}' is not supported here; send {expected}.")
{
    public override int StatusCode => 415;
    public override string Title => "Unsupported media type";
}
