using DataProductDashboard.Configuration;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>The database of one test app or harness: a copy of the migrated SQLite template under its data folder, or a
/// database of its own on the run's PostgreSQL server (<see cref="PostgresServer"/>), dropped on dispose. Tests run on
/// SQLite unless they ask for PostgreSQL or <c>DPD_TEST_PROVIDER=PostgreSql</c> moves the whole run there.</summary>
public sealed class TestStore : IDisposable
{
    private readonly string? _connectionString;

    private TestStore(DatabaseProvider provider, string? connectionString)
    {
        Provider = provider;
        _connectionString = connectionString;
    }

    /// <summary>The provider of stores whose test does not choose one.</summary>
    public static DatabaseProvider DefaultProvider { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("DPD_TEST_PROVIDER"), ignoreCase: true, out var provider) ? provider : DatabaseProvider.Sqlite;

    public DatabaseProvider Provider { get; }

    /// <summary>A store for an app whose SQLite file would be <paramref name="sqlitePath"/>.</summary>
    public static TestStore Create(string sqlitePath, DatabaseProvider? provider = null)
    {
        if ((provider ?? DefaultProvider) == DatabaseProvider.PostgreSql)
            return new TestStore(DatabaseProvider.PostgreSql, PostgresServer.CreateDatabase());
        TemplateDatabase.CopyTo(sqlitePath);
        return new TestStore(DatabaseProvider.Sqlite, null);
    }

    /// <summary>The settings that point an app at this store.</summary>
    public IReadOnlyDictionary<string, string?> Settings => Provider == DatabaseProvider.PostgreSql
        ? new Dictionary<string, string?>
        {
            [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"] = nameof(DatabaseProvider.PostgreSql),
            [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = _connectionString,
        }
        : new Dictionary<string, string?>();

    public void Dispose()
    {
        if (_connectionString is not null)
            PostgresServer.DropDatabase(_connectionString);
    }
}
