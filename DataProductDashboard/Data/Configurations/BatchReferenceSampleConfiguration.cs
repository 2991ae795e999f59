using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class BatchReferenceSampleConfiguration : IEntityTypeConfiguration<BatchReferenceSample>
{
    public void Configure(EntityTypeBuilder<BatchReferenceSample> builder)
    {
        builder.HasKey(s => s.BatchId);
        builder.Property(s => s.BatchId).ValueGeneratedNever();
        builder.HasOne<Batch>().WithOne().HasForeignKey<BatchReferenceSample>(s => s.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
