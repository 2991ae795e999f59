using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class DataProductConfiguration : IEntityTypeConfiguration<DataProduct>
{
    public void Configure(EntityTypeBuilder<DataProduct> builder)
    {
        builder.ToTable("Products");
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.TimeZone).HasMaxLength(64);
        builder.Property(p => p.Schema)
            .HasConversion(JsonValueConverter.For<ProductSchema>(), JsonValueConverter.ComparerFor<ProductSchema>());
        builder.Property(p => p.DriftSettings)
            .HasConversion(JsonValueConverter.For<DriftSettings>(), JsonValueConverter.ComparerFor<DriftSettings>());
        builder.HasMany(p => p.ModelVersions).WithOne(v => v.Product).HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Batches).WithOne(b => b.Product).HasForeignKey(b => b.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
