using System.ComponentModel.DataAnnotations;

namespace DataProductDashboard.Configuration;

/// <summary>Which database server holds the store.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file under the data directory (the default; one instance).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server named by <c>ConnectionStrings:Dashboard</c> (several instances may share it).</summary>
    PostgreSql,
}

/// <summary>Where the stored files (models, batch files, reference data) are kept for every instance.</summary>
public enum FileStorage
{
    /// <summary>The data directory: with one instance, or with several that mount it from one shared volume.</summary>
    Directory,

    /// <summary>The database, with each instance's data directory as a local cache (the default on PostgreSQL).</summary>
    Database,
}

/// <summary>The "Dashboard:Database" section, with the connection string from <c>ConnectionStrings:Dashboard</c>.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string SectionName = "Dashboard:Database";
    public const string ConnectionStringName = "Dashboard";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>PostgreSQL: the server, database and credentials (<c>ConnectionStrings:Dashboard</c>, e.g.
    /// <c>Host=db;Database=dashboard;Username=dashboard;Password=…</c>). SQLite ignores it: the file is
    /// <see cref="DashboardOptions.DatabasePath"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where stored files are kept; unset: <see cref="FileStorage.Database"/> on PostgreSQL (several instances
    /// need no shared volume), <see cref="FileStorage.Directory"/> on SQLite.</summary>
    public FileStorage? Files { get; set; }

    /// <summary>The file storage in effect (<see cref="Files"/>, or its provider's default).</summary>
    public FileStorage EffectiveFiles => Files ?? (Provider == DatabaseProvider.PostgreSql ? FileStorage.Database : FileStorage.Directory);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != DatabaseProvider.PostgreSql)
            yield break;
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                $"Dashboard:Database:Provider is PostgreSql but ConnectionStrings:{ConnectionStringName} is empty; set it to e.g. 'Host=127.0.0.1;Database=dashboard;Username=dashboard;Password=…'.",
                [nameof(ConnectionString)]);
            yield break;
        }
        string? error = null;
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        }
        catch (ArgumentException e)
        {
            error = e.Message;
        }
        if (error is not null)
            yield return new ValidationResult($"ConnectionStrings:{ConnectionStringName} is not a PostgreSQL connection string: {error}", [nameof(ConnectionString)]);
    }
}
