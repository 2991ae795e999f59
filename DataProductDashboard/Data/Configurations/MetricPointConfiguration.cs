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
        // Batch-level points (no column, no segment, not a challenger's shadow) of a key over time, read from the index alone: the KPI audit facts
        // and the history charts read a few keys across hundreds of batches, whose rows lie far apart in the table.
        builder.HasIndex(p => new { p.ProductId, p.MetricKey, p.At, p.BatchId, p.Value }, "IX_MetricPoints_BatchLevel")
            .HasFilter("\"Column\" IS NULL AND \"Segment\" IS NULL AND NOT \"Shadow\"");
        builder.HasOne<DataProduct>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Batch>().WithMany().HasForeignKey(p => p.BatchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MetricRun>().WithMany().HasForeignKey(p => p.MetricRunId).OnDelete(DeleteBehavior.Cascade);
    }
}
