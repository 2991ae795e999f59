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
}
