using DataProductDashboard.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Data;

/// <summary>Creates the app's contexts on the configured provider (<see cref="DatabaseOptions.Provider"/>): SQLite's
/// <see cref="DashboardDbContext"/> or PostgreSQL's <see cref="PostgreSqlDashboardDbContext"/>, so each applies its own
/// migrations while every service asks for a <see cref="DashboardDbContext"/>. The options are built once.</summary>
public sealed class DashboardDbContextFactory : IDbContextFactory<DashboardDbContext>
{
    private readonly DbContextOptions<DashboardDbContext> _options;
    private readonly DatabaseProvider _provider;

    public DashboardDbContextFactory(IOptions<DashboardOptions> dashboard, IOptions<DatabaseOptions> database, ILoggerFactory loggerFactory, IServiceProvider services)
    {
        _provider = database.Value.Provider;
        var builder = new DbContextOptionsBuilder<DashboardDbContext>().UseLoggerFactory(loggerFactory).UseApplicationServiceProvider(services);
        Configure(builder, _provider, dashboard.Value.DatabasePath, database.Value.ConnectionString);
        _options = builder.Options;
    }

    /// <summary>The provider's options: SQLite with a private cache per connection (shared cache locks tables: 'database
    /// table is locked'), WAL so readers never wait, BEGIN IMMEDIATE transactions and a busy timeout so writers queue
    /// instead of failing; PostgreSQL with writers serialized the same way (<see cref="PostgreSqlWriteLock"/>).</summary>
    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string sqlitePath, string? connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (provider == DatabaseProvider.PostgreSql)
            builder.UseNpgsql(connectionString).AddInterceptors(new PostgreSqlWriteLock());
        else
            builder.UseSqlite($"Data Source={sqlitePath};Default Timeout=30").AddInterceptors(new SqlitePragmaInterceptor());
    }

    public DashboardDbContext CreateDbContext() =>
        _provider == DatabaseProvider.PostgreSql ? new PostgreSqlDashboardDbContext(_options) : new DashboardDbContext(_options);

    public Task<DashboardDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());
}
