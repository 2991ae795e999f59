using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class ModelVersionConfiguration : IEntityTypeConfiguration<ModelVersion>
{
    public void Configure(EntityTypeBuilder<ModelVersion> builder)
    {
        builder.HasIndex(v => new { v.ProductId, v.Number }).IsUnique();
        builder.Property(v => v.FileHash).HasMaxLength(64);
        builder.Property(v => v.HoldoutMetrics)
            .HasConversion(JsonValueConverter.For<Dictionary<string, double>>(), JsonValueConverter.ComparerFor<Dictionary<string, double>>());
        builder.Property(v => v.Parameters)
            .HasConversion(JsonValueConverter.For<Dictionary<string, string>>(), JsonValueConverter.ComparerFor<Dictionary<string, string>>());
        builder.Property(v => v.Features)
            .HasConversion(JsonValueConverter.For<List<string>>(), JsonValueConverter.ComparerFor<List<string>>());
    }
}
