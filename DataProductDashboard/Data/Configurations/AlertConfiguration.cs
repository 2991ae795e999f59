using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.HasIndex(a => new { a.ProductId, a.Key, a.State });
        builder.HasIndex(a => new { a.State, a.LastSeenAt });
        builder.Property(a => a.Key).HasMaxLength(100);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.HasOne<DataProduct>().WithMany().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<GateRule>().WithMany().HasForeignKey(a => a.GateRuleId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Batch>().WithMany().HasForeignKey(a => a.BatchId).OnDelete(DeleteBehavior.SetNull);
        // An index, not a foreign key: adding a foreign key to an existing SQLite table rebuilds it outside a transaction.
        builder.HasIndex(a => a.WaiverId);
    }
}
