using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class SharedFileConfiguration : IEntityTypeConfiguration<SharedFile>
{
    public void Configure(EntityTypeBuilder<SharedFile> builder)
    {
        builder.ToTable("SharedFiles");
        builder.HasKey(f => new { f.Area, f.Name });
        builder.Property(f => f.Area).HasMaxLength(40);
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.HasIndex(f => f.UploadId).IsUnique();
    }
}
