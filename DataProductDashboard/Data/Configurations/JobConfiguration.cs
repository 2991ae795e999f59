using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.HasIndex(j => new { j.State, j.CreatedAt });
        builder.HasIndex(j => new { j.ProductId, j.CreatedAt });
        builder.Property(j => j.Kind).HasMaxLength(40);
        builder.Property(j => j.Stage).HasMaxLength(40);
        builder.Property(j => j.InputArea).HasMaxLength(20);
        builder.Property(j => j.InputHash).HasMaxLength(64);
        builder.Property(j => j.InputExtension).HasMaxLength(10);
        builder.Property(j => j.LeaseOwner).HasMaxLength(200);
        builder.HasOne<DataProduct>().WithMany().HasForeignKey(j => j.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
