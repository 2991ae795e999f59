using System.Data.Common;
using DataProductDashboard.Data.Configurations;
using Microsoft.Data.Sqlite;

namespace DataProductDashboard.Data;

/// <summary>Bulk-inserts a batch's predictions with one prepared multi-row statement inside the caller's transaction
/// (EF Core's change tracker is far too slow for a million rows).</summary>
public static class PredictionWriter
{
    private const int RowsPerStatement = 64;

    public static void Write(DbConnection connection, DbTransaction transaction, int batchId, string[] rowKeys,
        float[] predicted, float[]? score, double[]? labels, IProgress<int>? rowsDone = null, CancellationToken ct = default)
    {
        var sqlite = (SqliteConnection)connection;
        var n = rowKeys.Length;
        using var full = Prepare(sqlite, (SqliteTransaction)transaction, RowsPerStatement);
        var fullParams = full.Parameters;
        var row = 0;
        for (; row + RowsPerStatement <= n; row += RowsPerStatement)
        {
            for (var j = 0; j < RowsPerStatement; j++)
                Bind(fullParams, j, batchId, row + j, rowKeys, predicted, score, labels);
            full.ExecuteNonQuery();
            if ((row & 0x3FFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
                rowsDone?.Report(row);
            }
        }
        if (row < n)
        {
            using var tail = Prepare(sqlite, (SqliteTransaction)transaction, n - row);
            for (var j = 0; row + j < n; j++)
                Bind(tail.Parameters, j, batchId, row + j, rowKeys, predicted, score, labels);
            tail.ExecuteNonQuery();
        }
        rowsDone?.Report(n);
    }

    private static void Bind(SqliteParameterCollection p, int slot, int batchId, int row, string[] rowKeys,
        float[] predicted, float[]? score, double[]? labels)
    {
        var b = slot * 6;
        p[b].Value = batchId;
        p[b + 1].Value = row;
        p[b + 2].Value = rowKeys[row];
        p[b + 3].Value = (double)predicted[row];
        p[b + 4].Value = score is null ? DBNull.Value : (double)score[row];
        p[b + 5].Value = labels is null || double.IsNaN(labels[row]) ? DBNull.Value : labels[row];
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = string.Join(",", Enumerable.Range(0, rows).Select(i => $"(@b{i},@r{i},@k{i},@p{i},@s{i},@l{i})"));
        command.CommandText = $"INSERT INTO \"{PredictionConfiguration.TableName}\" (\"BatchId\",\"RowIndex\",\"RowKey\",\"Predicted\",\"Score\",\"Label\") VALUES {values}";
        for (var i = 0; i < rows; i++)
        {
            command.Parameters.Add(new SqliteParameter($"@b{i}", SqliteType.Integer));
            command.Parameters.Add(new SqliteParameter($"@r{i}", SqliteType.Integer));
            command.Parameters.Add(new SqliteParameter($"@k{i}", SqliteType.Text));
            command.Parameters.Add(new SqliteParameter($"@p{i}", SqliteType.Real));
            command.Parameters.Add(new SqliteParameter($"@s{i}", SqliteType.Real));
            command.Parameters.Add(new SqliteParameter($"@l{i}", SqliteType.Real));
        }
        command.Prepare();
        return command;
    }
}
