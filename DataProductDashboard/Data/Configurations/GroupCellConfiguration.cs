using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataProductDashboard.Data.Configurations;

public sealed class GroupCellConfiguration : IEntityTypeConfiguration<GroupCell>
{
    public const string TableName = "GroupCells";

    public void Configure(EntityTypeBuilder<GroupCell> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(c => new { c.BatchId, c.Groups, c.Predicted, c.Label });
        builder.HasOne<Batch>().WithMany().HasForeignKey(c => c.BatchId).OnDelete(DeleteBehavior.Cascade);
        // The fairness of a product over a time range: one range read.
        builder.HasIndex(c => new { c.ProductId, c.At });
    }
}
