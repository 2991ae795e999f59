using System.Security.Claims;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Services.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Hosting.Access;

/// <summary>Identity's claims (name, id, roles, security stamp) plus a marker while a generated password awaits replacement.</summary>
public sealed class DashboardClaimsPrincipalFactory(UserManager<DashboardUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<DashboardUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(DashboardUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(AccessClaims.MustChangePassword, "true"));
        return identity;
    }
}
