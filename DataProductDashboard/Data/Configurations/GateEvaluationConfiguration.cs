using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class GateEvaluationConfiguration : IEntityTypeConfiguration<GateEvaluation>
{
    public void Configure(EntityTypeBuilder<GateEvaluation> builder)
    {
        builder.HasIndex(e => new { e.ProductId, e.At });
        builder.HasIndex(e => new { e.GateRuleId, e.At });
        builder.HasIndex(e => e.BatchId);
        builder.HasIndex(e => e.ModelVersionId);
        builder.HasOne<DataProduct>().WithMany().HasForeignKey(e => e.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.GateRule).WithMany().HasForeignKey(e => e.GateRuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Batch>().WithMany().HasForeignKey(e => e.BatchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(e => e.ModelVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
