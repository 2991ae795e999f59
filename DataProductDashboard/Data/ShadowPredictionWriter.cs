using System.Data.Common;
using DataProductDashboard.Data.Configurations;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DataProductDashboard.Data;

/// <summary>Bulk-inserts a challenger's shadow predictions of a batch inside the caller's transaction, through one
/// prepared statement bound by index (as <see cref="PredictionWriter"/>, for the same reason: named parameters are
/// looked up linearly).</summary>
public static class ShadowPredictionWriter
{
    public static void Write(DbConnection connection, DbTransaction transaction, int batchId, int modelVersionId, float[] predicted, float[]? score,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var db = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The connection is not open.");
        var sql = $"INSERT INTO \"{ShadowPredictionConfiguration.TableName}\" (\"BatchId\",\"ModelVersionId\",\"RowIndex\",\"Predicted\",\"Score\") VALUES (?,?,?,?,?)";
        if (raw.sqlite3_prepare_v2(db, sql, out var statement) != raw.SQLITE_OK)
            throw new SqliteException($"Preparing the shadow prediction insert failed: {raw.sqlite3_errmsg(db).utf8_to_string()}", raw.sqlite3_errcode(db));
        try
        {
            for (var row = 0; row < predicted.Length; row++)
            {
                if ((row & 0x3FFF) == 0)
                    ct.ThrowIfCancellationRequested();
                raw.sqlite3_bind_int(statement, 1, batchId);
                raw.sqlite3_bind_int(statement, 2, modelVersionId);
                raw.sqlite3_bind_int(statement, 3, row);
                raw.sqlite3_bind_double(statement, 4, predicted[row]);
                if (score is null)
                    raw.sqlite3_bind_null(statement, 5);
                else
                    raw.sqlite3_bind_double(statement, 5, score[row]);
                var rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE)
                    throw new SqliteException($"Storing shadow predictions failed: {raw.sqlite3_errmsg(db).utf8_to_string()}", rc);
                raw.sqlite3_reset(statement);
            }
        }
        finally
        {
            raw.sqlite3_finalize(statement);
        }
    }
}
