namespace DataProductDashboard.Api;

/// <summary>Whether a request asks for CSV: an Accept header naming text/csv, or ?format=csv (handy in a browser).</summary>
public static class CsvNegotiation
{
    public static bool WantsCsv(this HttpRequest request) =>
        string.Equals(request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase)
        || request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true);
}
