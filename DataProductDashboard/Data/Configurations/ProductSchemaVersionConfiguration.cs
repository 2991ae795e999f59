using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class ProductSchemaVersionConfiguration : IEntityTypeConfiguration<ProductSchemaVersion>
{
    public void Configure(EntityTypeBuilder<ProductSchemaVersion> builder)
    {
        builder.HasIndex(v => new { v.ProductId, v.Version }).IsUnique();
        builder.Property(v => v.Schema)
            .HasConversion(JsonValueConverter.For<ProductSchema>(), JsonValueConverter.ComparerFor<ProductSchema>());
        builder.Property(v => v.CreatedBy).HasMaxLength(200);
        builder.HasOne(v => v.Product).WithMany().HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
