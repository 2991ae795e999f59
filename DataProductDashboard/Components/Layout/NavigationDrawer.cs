using MudBlazor;

namespace DataProductDashboard.Components.Layout;

/// <summary>When the navigation drawer is open at full width: from 1280 px (MudBlazor's "lg" breakpoint) up; below it,
/// the drawer is a rail of icons so that the page keeps its width.</summary>
public static class NavigationDrawer
{
    public static bool OpensAt(Breakpoint breakpoint) => breakpoint is Breakpoint.Lg or Breakpoint.Xl or Breakpoint.Xxl;
}
