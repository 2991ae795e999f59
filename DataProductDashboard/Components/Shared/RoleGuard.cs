using DataProductDashboard.Domain;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace DataProductDashboard.Components.Shared;

/// <summary>Defence in depth behind <see cref="RoleGate"/>: a handler that changes something asks first whether the
/// circuit's user holds one of the roles of a <see cref="DashboardRoles"/> list, and is refused with a "Needs …"
/// snackbar otherwise (scoped: one per circuit).</summary>
public sealed class RoleGuard(AuthenticationStateProvider authentication, ISnackbar snackbar)
{
    /// <summary>True when the user holds one of <paramref name="roles"/> (comma-separated).</summary>
    public async Task<bool> AllowsAsync(string roles)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return DashboardRoles.Split(roles).Any(user.IsInRole);
    }

    /// <summary>True when the user holds one of <paramref name="roles"/>; otherwise shows "Needs …" and answers false.</summary>
    public async Task<bool> DemandAsync(string roles)
    {
        if (await AllowsAsync(roles))
            return true;
        snackbar.Add(DashboardRoleNames.Needs(roles), Severity.Warning);
        return false;
    }
}
