using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class KpiValueConfiguration : IEntityTypeConfiguration<KpiValue>
{
    public void Configure(EntityTypeBuilder<KpiValue> builder)
    {
        builder.HasIndex(v => new { v.KpiId, v.PeriodStart });
        builder.HasIndex(v => v.BatchId);
        builder.HasOne<Kpi>().WithMany().HasForeignKey(v => v.KpiId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Batch>().WithMany().HasForeignKey(v => v.BatchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(v => v.ModelVersionId).OnDelete(DeleteBehavior.SetNull);
    }
}
