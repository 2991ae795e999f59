using Microsoft.AspNetCore.Identity;

namespace DataProductDashboard.Data.Entities;

/// <summary>A person who signs in to the dashboard (ASP.NET Core Identity user).</summary>
public sealed class DashboardUser : IdentityUser
{
    /// <summary>Set for a generated password (the first admin, an admin reset): the next sign-in asks for a new one.</summary>
    public bool MustChangePassword { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
    /// <summary>The colour scheme the user chose in the app bar, remembered across devices.</summary>
    public Domain.ThemeMode Theme { get; set; }
}
