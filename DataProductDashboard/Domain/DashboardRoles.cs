namespace DataProductDashboard.Domain;

/// <summary>The global roles a user or an API key holds, and which roles may do what. Policies, pages and the
/// role table in the README all read these lists.</summary>
public static class DashboardRoles
{
    public const string Admin = "Admin";
    public const string ProductManager = "ProductManager";
    public const string DataScientist = "DataScientist";
    public const string Viewer = "Viewer";
    /// <summary>API keys only: uploads batches, labels and KPI values for its products and reads them.</summary>
    public const string Ingest = "Ingest";

    /// <summary>Roles a person can hold.</summary>
    public static readonly IReadOnlyList<string> UserRoles = [Admin, ProductManager, DataScientist, Viewer];

    /// <summary>Roles an API key can hold.</summary>
    public static readonly IReadOnlyList<string> KeyRoles = [Admin, ProductManager, DataScientist, Viewer, Ingest];

    // Comma-separated role lists in the shape [Authorize(Roles = ...)] and <AuthorizeView Roles=...> take.
    /// <summary>Reads every page and resource.</summary>
    public const string Readers = "Admin,ProductManager,DataScientist,Viewer,Ingest";
    /// <summary>Products, gates, waivers, promotion and rollback, KPIs and targets, experiment decisions, channels.</summary>
    public const string Managers = "Admin,ProductManager";
    /// <summary>Model versions (register, upload, train), re-audits and drift settings.</summary>
    public const string ModelEditors = "Admin,DataScientist";
    /// <summary>Batch and label uploads.</summary>
    public const string Uploaders = "Admin,DataScientist,Ingest";
    /// <summary>KPI value uploads.</summary>
    public const string KpiUploaders = "Admin,ProductManager,Ingest";
    /// <summary>Propose (start) an experiment and evaluate a release.</summary>
    public const string Contributors = "Admin,ProductManager,DataScientist";
    /// <summary>Acknowledge and resolve alerts.</summary>
    public const string Responders = "Admin,ProductManager,DataScientist";
    /// <summary>Users, API keys and settings.</summary>
    public const string Admins = "Admin";

    public static IReadOnlyList<string> Split(string roles) => roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The canonical spelling of a role name typed in any case, or null.</summary>
    public static string? Normalize(string? role, IReadOnlyList<string> allowed) =>
        allowed.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
