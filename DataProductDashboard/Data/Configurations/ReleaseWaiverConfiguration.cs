using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class ReleaseWaiverConfiguration : IEntityTypeConfiguration<ReleaseWaiver>
{
    public void Configure(EntityTypeBuilder<ReleaseWaiver> builder)
    {
        builder.HasIndex(w => new { w.ModelVersionId, w.ExpiresAt });
        builder.HasOne<DataProduct>().WithMany().HasForeignKey(w => w.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(w => w.ModelVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
