using System.Data.Common;
using DataProductDashboard.Data.Configurations;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DataProductDashboard.Data;

/// <summary>Bulk-inserts a challenger's shadow predictions of a batch inside the caller's transaction, 100 rows per
/// prepared multi-row statement bound by index (as <see cref="PredictionWriter"/>, for the same reasons: one statement
/// per row costs a round of SQLite's VM each, and named parameters are looked up linearly).</summary>
public static class ShadowPredictionWriter
{
    private const int RowsPerStatement = 100;
    private const int ColumnsPerRow = 5;

    public static void Write(DbConnection connection, DbTransaction transaction, int batchId, int modelVersionId, float[] predicted, float[]? score,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (connection is Npgsql.NpgsqlConnection postgres)
        {
            PostgreSqlPredictions.WriteShadow(postgres, batchId, modelVersionId, predicted, score, ct);
            return;
        }
        var db = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The connection is not open.");
        var n = predicted.Length;
        var row = 0;
        if (n >= RowsPerStatement)
        {
            var full = Prepare(db, RowsPerStatement);
            try
            {
                for (; row + RowsPerStatement <= n; row += RowsPerStatement)
                {
                    if (row % 16_384 < RowsPerStatement)
                        ct.ThrowIfCancellationRequested();
                    for (var j = 0; j < RowsPerStatement; j++)
                        Bind(full, j, batchId, modelVersionId, row + j, predicted, score);
                    Step(db, full);
                }
            }
            finally
            {
                raw.sqlite3_finalize(full);
            }
        }
        if (row < n)
        {
            var tail = Prepare(db, n - row);
            try
            {
                for (var j = 0; row + j < n; j++)
                    Bind(tail, j, batchId, modelVersionId, row + j, predicted, score);
                Step(db, tail);
            }
            finally
            {
                raw.sqlite3_finalize(tail);
            }
        }
    }

    private static void Bind(sqlite3_stmt statement, int slot, int batchId, int modelVersionId, int row, float[] predicted, float[]? score)
    {
        var i = (slot * ColumnsPerRow) + 1;
        raw.sqlite3_bind_int(statement, i, batchId);
        raw.sqlite3_bind_int(statement, i + 1, modelVersionId);
        raw.sqlite3_bind_int(statement, i + 2, row);
        raw.sqlite3_bind_double(statement, i + 3, predicted[row]);
        if (score is null)
            raw.sqlite3_bind_null(statement, i + 4);
        else
            raw.sqlite3_bind_double(statement, i + 4, score[row]);
    }

    private static void Step(sqlite3 db, sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        if (rc != raw.SQLITE_DONE)
            throw new SqliteException($"Storing shadow predictions failed: {raw.sqlite3_errmsg(db).utf8_to_string()}", rc);
        raw.sqlite3_reset(statement);
    }

    private static sqlite3_stmt Prepare(sqlite3 db, int rows)
    {
        var values = string.Join(",", Enumerable.Repeat("(?,?,?,?,?)", rows));
        var sql = $"INSERT INTO \"{ShadowPredictionConfiguration.TableName}\" (\"BatchId\",\"ModelVersionId\",\"RowIndex\",\"Predicted\",\"Score\") VALUES {values}";
        if (raw.sqlite3_prepare_v2(db, sql, out var statement) != raw.SQLITE_OK)
            throw new SqliteException($"Preparing the shadow prediction insert failed: {raw.sqlite3_errmsg(db).utf8_to_string()}", raw.sqlite3_errcode(db));
        return statement;
    }
}
