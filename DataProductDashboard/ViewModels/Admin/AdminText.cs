using DataProductDashboard.Domain;

namespace DataProductDashboard.ViewModels.Admin;

/// <summary>Words of the Admin page: what each role may do, a key's products by name, the filter over the tables,
/// and the example request that goes with a new key.</summary>
public static class AdminText
{
    public const string AllProducts = "All products";

    public static string RoleHelp(string role) => role switch
    {
        DashboardRoles.Admin => "Users, API keys and settings, and everything below.",
        DashboardRoles.ProductManager => "Products, gates, waivers, promotion, KPIs and targets, experiments, notification channels.",
        DashboardRoles.DataScientist => "Model versions, batch and label uploads, re-audits, drift settings, proposing experiments.",
        DashboardRoles.Viewer => "Reads every page, insight, report and export; changes nothing.",
        DashboardRoles.Ingest => "Pipelines: uploads batches, labels and KPI values for its products and reads them.",
        _ => "",
    };

    /// <summary>"All products", or the products' names (an id whose product is gone shows as "#id").</summary>
    public static string Products(IReadOnlyList<int>? ids, IReadOnlyDictionary<int, string> names) =>
        ids is null ? AllProducts : string.Join(", ", ids.Select(id => names.TryGetValue(id, out var name) ? name : $"#{id}"));

    /// <summary>True when <paramref name="filter"/> is empty or any of <paramref name="values"/> contains it (any case).</summary>
    public static bool Matches(string? filter, params IEnumerable<string?> values) =>
        string.IsNullOrWhiteSpace(filter) || values.Any(v => v?.Contains(filter.Trim(), StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>A request to try the key with, against this app.</summary>
    public static string CurlExample(string baseUri, string key) =>
        $"curl -H \"Authorization: Bearer {key}\" {baseUri.TrimEnd('/')}/api/products";
}
