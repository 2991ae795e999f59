using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class MetricPointConfiguration : IEntityTypeConfiguration<MetricPoint>
{
    public void Configure(EntityTypeBuilder<MetricPoint> builder)
    {
        builder.HasIndex(p => new { p.ProductId, p.MetricKey, p.At });
        builder.HasIndex(p => p.BatchId);
        builder.HasOne<DataProduct>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Batch>().WithMany().HasForeignKey(p => p.BatchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MetricRun>().WithMany().HasForeignKey(p => p.MetricRunId).OnDelete(DeleteBehavior.Cascade);
    }
}
