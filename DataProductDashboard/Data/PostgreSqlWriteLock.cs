using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DataProductDashboard.Data;

/// <summary>Every transaction on PostgreSQL first takes one transaction-scoped advisory lock, so write transactions run
/// one at a time across every instance on the database, as SQLite's BEGIN IMMEDIATE makes them do on one file. The
/// services read and then write inside a transaction (the next batch number, the one running experiment, a gate's
/// last state) and rely on no other writer slipping in between; under PostgreSQL's READ COMMITTED alone two instances
/// could both read the same next number. Statements outside a transaction take no lock, as on SQLite, and the lock
/// goes with the commit or rollback.</summary>
public sealed class PostgreSqlWriteLock : DbTransactionInterceptor
{
    /// <summary>The advisory lock's key: any fixed 64-bit number the app owns ("DPD-WRLK").</summary>
    public const long Key = 0x4450_442D_5752_4C4B;

    private static readonly string Sql = FormattableString.Invariant($"SELECT pg_advisory_xact_lock({Key})");

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        using var command = Command(connection, result);
        command.ExecuteNonQuery();
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection, result);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return result;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        return command;
    }
}
