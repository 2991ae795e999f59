using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class ExperimentConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> builder)
    {
        builder.HasIndex(e => new { e.ProductId, e.Status });
        // At most one running A/B test per product, enforced by the database (two concurrent starts cannot both land).
        builder.HasIndex(e => e.ProductId).IsUnique().HasFilter("\"Status\" = 'Running'").HasDatabaseName("IX_Experiments_OneRunningPerProduct");
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.PrimaryMetric).HasMaxLength(100);
        builder.Property(e => e.StartedBy).HasMaxLength(200);
        builder.Property(e => e.DecidedBy).HasMaxLength(200);
        builder.HasOne<DataProduct>().WithMany().HasForeignKey(e => e.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(e => e.ChampionVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(e => e.ChallengerVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
