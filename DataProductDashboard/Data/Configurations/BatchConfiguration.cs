using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class BatchConfiguration : IEntityTypeConfiguration<Batch>
{
    public void Configure(EntityTypeBuilder<Batch> builder)
    {
        builder.HasIndex(b => new { b.ProductId, b.ReceivedAt });
        builder.HasIndex(b => new { b.ProductId, b.Number }).IsUnique();
        builder.Property(b => b.FileHash).HasMaxLength(64);
        builder.HasOne(b => b.ModelVersion).WithMany().HasForeignKey(b => b.ModelVersionId).OnDelete(DeleteBehavior.Restrict);
        // An index, not a foreign key: adding a foreign key to an existing SQLite table rebuilds it outside a transaction.
        builder.HasIndex(b => b.ExperimentId);
        builder.HasIndex(b => new { b.ProductId, b.FileHash });
        builder.HasIndex(b => b.JobId).IsUnique();
    }
}
