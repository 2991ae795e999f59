using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Data;

/// <summary>The same model on PostgreSQL. A type of its own so that its migrations (Data/Migrations/PostgreSql,
/// generated for PostgreSQL's types) are told apart from SQLite's; everything else asks for a
/// <see cref="DashboardDbContext"/>.</summary>
public sealed class PostgreSqlDashboardDbContext(DbContextOptions<DashboardDbContext> options) : DashboardDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Predictions and shadow predictions carry no foreign key to their batch here: PostgreSQL checks such a key row
        // by row, and for a million-row COPY the check took 3.4 of its 6.1 s. Nothing depends on it: predictions are
        // written only inside the transaction that stores their batch, and deleted explicitly wherever batches go
        // (retention, product deletion). SQLite, whose check is a plain index probe, keeps it.
        foreach (var type in new[] { typeof(Prediction), typeof(ShadowPrediction) })
        {
            var entity = modelBuilder.Entity(type).Metadata;
            foreach (var key in entity.GetForeignKeys().Where(k => k.PrincipalEntityType.ClrType == typeof(Batch)).ToList())
                entity.RemoveForeignKey(key);
        }
    }
}
