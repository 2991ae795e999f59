using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class GateRuleConfiguration : IEntityTypeConfiguration<GateRule>
{
    public void Configure(EntityTypeBuilder<GateRule> builder)
    {
        builder.HasIndex(r => new { r.ProductId, r.Scope });
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.MetricKey).HasMaxLength(100);
        builder.Property(r => r.Owner).HasMaxLength(200);
        builder.HasOne<DataProduct>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
