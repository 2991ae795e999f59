using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Data;

/// <summary>The same model on PostgreSQL. A type of its own only so that its migrations (Data/Migrations/PostgreSql,
/// generated for PostgreSQL's types) are told apart from SQLite's; everything else asks for a
/// <see cref="DashboardDbContext"/>.</summary>
public sealed class PostgreSqlDashboardDbContext(DbContextOptions<DashboardDbContext> options) : DashboardDbContext(options);
