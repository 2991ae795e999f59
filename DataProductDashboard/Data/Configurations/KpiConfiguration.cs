using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class KpiConfiguration : IEntityTypeConfiguration<Kpi>
{
    public void Configure(EntityTypeBuilder<Kpi> builder)
    {
        builder.HasIndex(k => k.ProductId);
        builder.Property(k => k.Name).HasMaxLength(200);
        builder.Property(k => k.Unit).HasMaxLength(50);
        builder.Property(k => k.Column).HasMaxLength(200);
        builder.Property(k => k.Owner).HasMaxLength(200);
        builder.Property(k => k.Finding)
            .HasConversion(JsonValueConverter.For<BusinessDriftFinding?>(), JsonValueConverter.ComparerFor<BusinessDriftFinding?>());
        builder.HasOne<DataProduct>().WithMany().HasForeignKey(k => k.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
