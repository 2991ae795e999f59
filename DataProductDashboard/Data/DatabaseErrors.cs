using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DataProductDashboard.Data;

/// <summary>What a database error means to the app, whatever the provider: a unique index refused a row (another
/// request won a race), or the store stayed busy past its timeout (retry later). Services and handlers ask this
/// instead of testing a provider's exception type and codes.</summary>
public static class DatabaseErrors
{
    /// <summary>A unique (or other) constraint refused the write: SQLite's SQLITE_CONSTRAINT (19); PostgreSQL's
    /// integrity-constraint class 23 (23505 unique, 23503 foreign key, 23514 check, 23502 not null).</summary>
    public static bool IsConstraintViolation(Exception error) => Inner(error) switch
    {
        SqliteException { SqliteErrorCode: 19 } => true,
        PostgresException postgres => postgres.SqlState.StartsWith("23", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>The store stayed locked by other writers past its timeout: SQLITE_BUSY (5) or SQLITE_LOCKED (6);
    /// PostgreSQL's serialization failure (40001), deadlock (40P01), lock not available (55P03) or a cancelled statement
    /// (57014, statement or lock timeout).</summary>
    public static bool IsBusy(Exception error) => Inner(error) switch
    {
        SqliteException { SqliteErrorCode: 5 or 6 } => true,
        PostgresException { SqlState: "40001" or "40P01" or "55P03" or "57014" } => true,
        _ => false,
    };

    /// <summary>A CREATE DATABASE lost a race with another instance's: PostgreSQL's duplicate database (42P04), or the
    /// unique violation (23505) of the catalog row both inserted. Only for the start-up's creation of the database.</summary>
    public static bool IsAlreadyCreated(Exception error) => Inner(error) is PostgresException { SqlState: "42P04" or "23505" };

    /// <summary>Any failure of the store itself (a write refused, a busy store, a lost server), as opposed to a bug in
    /// the caller.</summary>
    public static bool IsStoreFailure(Exception error) => error is DbUpdateException || Inner(error) is SqliteException or NpgsqlException;

    private static Exception Inner(Exception error) => error is DbUpdateException { InnerException: { } inner } ? inner : error;
}
