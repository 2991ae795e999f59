using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Data;

/// <summary>What a database error means to the app, whatever the provider: a unique index refused a row (another
/// request won a race), or the store stayed busy past its timeout (retry later). Services and handlers ask this
/// instead of testing a provider's exception type and codes.</summary>
public static class DatabaseErrors
{
    /// <summary>A unique (or other) constraint refused the write — SQLite's SQLITE_CONSTRAINT (19).</summary>
    public static bool IsConstraintViolation(Exception error) =>
        Inner(error) is SqliteException { SqliteErrorCode: 19 };

    /// <summary>The store stayed locked by other writers past the busy timeout — SQLITE_BUSY (5) or SQLITE_LOCKED (6).</summary>
    public static bool IsBusy(Exception error) =>
        Inner(error) is SqliteException { SqliteErrorCode: 5 or 6 };

    /// <summary>Any failure of the store itself (a write refused, a busy store), as opposed to a bug in the caller.</summary>
    public static bool IsStoreFailure(Exception error) => error is DbUpdateException || Inner(error) is SqliteException;

    private static Exception Inner(Exception error) => error is DbUpdateException { InnerException: { } inner } ? inner : error;
}
