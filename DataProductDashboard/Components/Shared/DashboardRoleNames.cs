using DataProductDashboard.Domain;

namespace DataProductDashboard.Components.Shared;

/// <summary>Role names as people read them ("Product manager"), for menus and "needs …" hints.</summary>
public static class DashboardRoleNames
{
    public static string Display(string role) => role switch
    {
        DashboardRoles.ProductManager => "Product manager",
        DashboardRoles.DataScientist => "Data scientist",
        DashboardRoles.Viewer => "Viewer",
        DashboardRoles.Ingest => "Ingest",
        _ => role,
    };

    /// <summary>"Needs Product manager" (or "Needs Product manager or Data scientist") for a comma-separated role list:
    /// the people roles besides Admin that it names, or Admin when it names no other.</summary>
    public static string Needs(string roles)
    {
        var people = DashboardRoles.Split(roles).Where(r => r != DashboardRoles.Admin && r != DashboardRoles.Ingest && DashboardRoles.UserRoles.Contains(r)).ToList();
        return "Needs " + (people.Count == 0 ? DashboardRoles.Admin : string.Join(" or ", people.Select(Display)));
    }
}
