using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class BackgroundLeaseConfiguration : IEntityTypeConfiguration<BackgroundLease>
{
    public const string TableName = "BackgroundLeases";

    public void Configure(EntityTypeBuilder<BackgroundLease> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.Property(l => l.Owner).HasMaxLength(200);
    }
}
