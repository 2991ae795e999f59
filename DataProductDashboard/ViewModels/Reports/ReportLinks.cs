namespace DataProductDashboard.ViewModels.Reports;

/// <summary>Links that work on paper and in a file: an in-app link ("/batches/7") made absolute with the public base
/// URL (<see cref="Services.Notifications.PublicBaseUrl"/>); an absolute http(s) link kept as it is.</summary>
public static class ReportLinks
{
    public static string Absolute(string baseUrl, string href)
    {
        if (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return href;
        return baseUrl.TrimEnd('/') + (href.StartsWith('/') ? href : "/" + href);
    }
}
