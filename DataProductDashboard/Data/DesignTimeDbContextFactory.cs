using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DataProductDashboard.Data;

/// <summary>Lets `dotnet ef migrations add` build the SQLite context without starting the app.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets `dotnet ef migrations add -c PostgreSqlDashboardDbContext` build the PostgreSQL context (no server is
/// contacted to add a migration).</summary>
public sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlDashboardDbContext>
{
    public PostgreSqlDashboardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DashboardDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}
