using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class NotificationChannelConfiguration : IEntityTypeConfiguration<NotificationChannel>
{
    public void Configure(EntityTypeBuilder<NotificationChannel> builder)
    {
        builder.HasIndex(c => c.ProductId);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Target).HasMaxLength(2000);
        builder.Property(c => c.Secret).HasMaxLength(100);
        builder.HasOne<DataProduct>().WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
