using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class MetricRunConfiguration : IEntityTypeConfiguration<MetricRun>
{
    public void Configure(EntityTypeBuilder<MetricRun> builder)
    {
        builder.HasIndex(r => new { r.ProductId, r.Kind, r.At });
        builder.HasIndex(r => new { r.BatchId, r.Kind });
        builder.HasOne<DataProduct>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Batch>().WithMany().HasForeignKey(r => r.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
