using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class BatchStatisticConfiguration : IEntityTypeConfiguration<BatchStatistic>
{
    public void Configure(EntityTypeBuilder<BatchStatistic> builder)
    {
        builder.HasKey(s => new { s.BatchId, s.Segment, s.Key });
        builder.Property(s => s.Segment).HasMaxLength(100);
        builder.Property(s => s.Key).HasMaxLength(300);
        // An experiment's statistics are one range read; its row counts (key "rows") a narrower one.
        builder.HasIndex(s => new { s.ExperimentId, s.Key });
        builder.HasOne<Batch>().WithMany().HasForeignKey(s => s.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
