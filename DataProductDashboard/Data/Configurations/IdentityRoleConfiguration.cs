using DataProductDashboard.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

/// <summary>The four user roles exist from the first migration on (fixed ids, so the migration is stable).</summary>
public sealed class IdentityRoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) =>
        builder.HasData(DashboardRoles.UserRoles.Select(role => new IdentityRole
        {
            Id = role, Name = role, NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = role,
        }));
}
