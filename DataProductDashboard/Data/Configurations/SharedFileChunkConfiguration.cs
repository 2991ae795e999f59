using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class SharedFileChunkConfiguration : IEntityTypeConfiguration<SharedFileChunk>
{
    public void Configure(EntityTypeBuilder<SharedFileChunk> builder)
    {
        builder.ToTable("SharedFileChunks");
        builder.HasKey(c => new { c.UploadId, c.Index });
    }
}
