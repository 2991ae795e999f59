using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

/// <summary>The dashboard's own columns of the Identity user table.</summary>
public sealed class DashboardUserConfiguration : IEntityTypeConfiguration<DashboardUser>
{
    public void Configure(EntityTypeBuilder<DashboardUser> builder) =>
        builder.Property(u => u.Theme).HasConversion<string>().HasMaxLength(16).HasDefaultValue(Domain.ThemeMode.System).HasSentinel(Domain.ThemeMode.System);
}
