using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("NotificationOutbox");
        builder.HasIndex(m => m.SentAt);
        builder.Property(m => m.ClaimedBy).HasMaxLength(200);
        builder.HasOne(m => m.Alert).WithMany().HasForeignKey(m => m.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}
