using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class ShadowPredictionConfiguration : IEntityTypeConfiguration<ShadowPrediction>
{
    public const string TableName = "ShadowPredictions";

    public void Configure(EntityTypeBuilder<ShadowPrediction> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(p => new { p.BatchId, p.ModelVersionId, p.RowIndex });
        builder.HasOne<Batch>().WithMany().HasForeignKey(p => p.BatchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(p => p.ModelVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
