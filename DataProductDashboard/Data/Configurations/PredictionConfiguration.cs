using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class PredictionConfiguration : IEntityTypeConfiguration<Prediction>
{
    public const string TableName = "Predictions";

    public void Configure(EntityTypeBuilder<Prediction> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(p => new { p.BatchId, p.RowIndex });
        // Stored as 0 / 1 (not the enum name): a million rows per batch.
        builder.Property(p => p.Arm).HasConversion<int?>();
        builder.HasOne<Batch>().WithMany().HasForeignKey(p => p.BatchId).OnDelete(DeleteBehavior.Cascade);
        // Label joins: the rows of one product with the keys of a label file, whatever the product's history.
        builder.HasIndex(p => new { p.ProductId, p.RowKey });
    }
}
