using System.Data.Common;
using DataProductDashboard.Data.Configurations;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DataProductDashboard.Data;

/// <summary>Bulk-inserts a batch's predictions inside the caller's transaction through one prepared multi-row
/// statement bound by parameter index with SQLitePCLRaw (the layer under Microsoft.Data.Sqlite). EF Core's change
/// tracker is far too slow for a million rows, and Microsoft.Data.Sqlite binds parameters by name, which SQLite looks
/// up linearly: quadratic for a multi-row statement. On PostgreSQL the same calls go through binary COPY
/// (<see cref="PostgreSqlPredictions"/>).</summary>
public static class PredictionWriter
{
    /// <summary>The batch the rows belong to and its product (stored on each row for the label-join index).</summary>
    public readonly record struct BatchRef(int BatchId, int ProductId);

    private const int RowsPerStatement = 100;
    private const int ColumnsPerRow = 9;

    public static void Write(DbConnection connection, DbTransaction transaction, BatchRef batch, string[] rowKeys,
        float[] predicted, float[]? score, double[]? labels, IProgress<int>? rowsDone = null, CancellationToken ct = default) =>
        Write(connection, transaction, batch, rowKeys, predicted, score, labels, arms: null, rowsDone, ct);

    /// <summary>As above, with the A/B arm of each row (0 champion, 1 challenger) while an experiment runs.</summary>
    public static void Write(DbConnection connection, DbTransaction transaction, BatchRef batch, string[] rowKeys,
        float[] predicted, float[]? score, double[]? labels, byte[]? arms, IProgress<int>? rowsDone = null, CancellationToken ct = default) =>
        Write(connection, transaction, batch, rowKeys.Length, row => rowKeys[row], predicted, score,
            labels is null ? null : row => labels[row], arms, rowsDone, ct);

    /// <summary>As above, with each row's key and label read through <paramref name="keyOf"/> and
    /// <paramref name="labelOf"/> (NaN: no label), called once per row in row order, key first, and its tuple of segment
    /// values through <paramref name="segmentsOf"/> (none without).</summary>
    public static void Write(DbConnection connection, DbTransaction transaction, BatchRef batch, int rows, Func<int, string> keyOf,
        float[] predicted, float[]? score, Func<int, double>? labelOf, byte[]? arms, IProgress<int>? rowsDone = null, CancellationToken ct = default,
        Func<int, string?>? segmentsOf = null)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (connection is Npgsql.NpgsqlConnection postgres)
        {
            PostgreSqlPredictions.WritePredictions(postgres, batch, rows, keyOf, predicted, score, labelOf, arms, rowsDone, ct, segmentsOf);
            return;
        }
        var db = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The connection is not open.");
        var n = rows;
        var rowKeys = keyOf;
        var labels = labelOf;
        var full = Prepare(db, RowsPerStatement);
        try
        {
            var row = 0;
            for (; row + RowsPerStatement <= n; row += RowsPerStatement)
            {
                for (var j = 0; j < RowsPerStatement; j++)
                    Bind(full, j, batch, row + j, rowKeys, predicted, score, labels, arms, segmentsOf);
                Step(db, full);
                if (row % 16_384 < RowsPerStatement)
                {
                    ct.ThrowIfCancellationRequested();
                    rowsDone?.Report(row);
                }
            }
            if (row < n)
            {
                var tail = Prepare(db, n - row);
                try
                {
                    for (var j = 0; row + j < n; j++)
                        Bind(tail, j, batch, row + j, rowKeys, predicted, score, labels, arms, segmentsOf);
                    Step(db, tail);
                }
                finally
                {
                    raw.sqlite3_finalize(tail);
                }
            }
        }
        finally
        {
            raw.sqlite3_finalize(full);
        }
        rowsDone?.Report(n);
    }

    /// <summary>What a label file joined: the predictions it labelled, their batches (ascending) and the file's rows
    /// whose key no prediction of the product has.</summary>
    public sealed record LabelJoin(int Predictions, IReadOnlyList<int> Batches, IReadOnlyList<int> MissingRows);

    /// <summary>The label join's lookup: one probe of the (product, row key) index per key, which holds the row's primary
    /// key, so the table itself is not read (public for the test of its plan).</summary>
    public static readonly string KeyLookupSql =
        $"SELECT \"BatchId\", \"RowIndex\" FROM \"{PredictionConfiguration.TableName}\" WHERE \"ProductId\" = ?1 AND \"RowKey\" = ?2";

    private static readonly string LabelUpdateSql =
        $"UPDATE \"{PredictionConfiguration.TableName}\" SET \"Label\" = ?1, \"LabelAt\" = ?2 WHERE \"BatchId\" = ?3 AND \"RowIndex\" = ?4";

    /// <summary>Sets the label of every prediction of the product with each key, inside the caller's transaction (which
    /// the caller rolls back when rows are missing): the keys are looked up through the (product, row key) index, then
    /// the predictions found are updated by primary key in key order, so the join touches the rows the file labels and
    /// nothing of the product's history. A NaN label labels nothing (its key must still exist). Stops looking up after
    /// <paramref name="maxMissing"/> missing rows, and updates nothing then.</summary>
    public static LabelJoin JoinLabels(DbConnection connection, int productId, IReadOnlyList<(int Row, string Key, double Label)> rows,
        DateTime labelledAt, int maxMissing, CancellationToken ct = default)
    {
        if (connection is Npgsql.NpgsqlConnection postgres)
            return PostgreSqlPredictions.JoinLabels(postgres, productId, rows, labelledAt, maxMissing, ct);
        var db = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The connection is not open.");
        var missing = new List<int>();
        var found = new List<(int BatchId, int RowIndex, double Label)>(rows.Count);
        var lookup = PrepareStatement(db, KeyLookupSql, "the key lookup");
        try
        {
            raw.sqlite3_bind_int(lookup, 1, productId);
            for (var i = 0; i < rows.Count && missing.Count < maxMissing; i++)
            {
                if ((i & 0x3FFF) == 0)
                    ct.ThrowIfCancellationRequested();
                var (row, key, label) = rows[i];
                raw.sqlite3_bind_text(lookup, 2, key);
                var any = false;
                int rc;
                while ((rc = raw.sqlite3_step(lookup)) == raw.SQLITE_ROW)
                {
                    any = true;
                    if (!double.IsNaN(label))
                        found.Add((raw.sqlite3_column_int(lookup, 0), raw.sqlite3_column_int(lookup, 1), label));
                }
                if (rc != raw.SQLITE_DONE)
                    throw new SqliteException($"Looking up row keys failed: {raw.sqlite3_errmsg(db).utf8_to_string()}", rc);
                raw.sqlite3_reset(lookup);
                if (!any)
                    missing.Add(row);
            }
        }
        finally
        {
            raw.sqlite3_finalize(lookup);
        }
        if (missing.Count > 0)
            return new LabelJoin(0, [], missing);

        found.Sort((a, b) => a.BatchId != b.BatchId ? a.BatchId.CompareTo(b.BatchId) : a.RowIndex.CompareTo(b.RowIndex));
        var batches = new List<int>();
        var update = PrepareStatement(db, LabelUpdateSql, "the label update");
        try
        {
            // EF Core stores DateTime as "yyyy-MM-dd HH:mm:ss.FFFFFFF" text.
            raw.sqlite3_bind_text(update, 2, labelledAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
            for (var i = 0; i < found.Count; i++)
            {
                if ((i & 0x3FFF) == 0)
                    ct.ThrowIfCancellationRequested();
                var (batchId, rowIndex, label) = found[i];
                if (batches.Count == 0 || batches[^1] != batchId)
                    batches.Add(batchId);
                raw.sqlite3_bind_double(update, 1, label);
                raw.sqlite3_bind_int(update, 3, batchId);
                raw.sqlite3_bind_int(update, 4, rowIndex);
                Step(db, update);
            }
        }
        finally
        {
            raw.sqlite3_finalize(update);
        }
        return new LabelJoin(found.Count, batches, []);
    }

    private static sqlite3_stmt PrepareStatement(sqlite3 db, string sql, string what)
    {
        if (raw.sqlite3_prepare_v2(db, sql, out var statement) != raw.SQLITE_OK)
            throw new SqliteException($"Preparing {what} failed: {raw.sqlite3_errmsg(db).utf8_to_string()}", raw.sqlite3_errcode(db));
        return statement;
    }

    private static void Bind(sqlite3_stmt statement, int slot, BatchRef batch, int row, Func<int, string> rowKeys,
        float[] predicted, float[]? score, Func<int, double>? labels, byte[]? arms, Func<int, string?>? segments)
    {
        var i = (slot * ColumnsPerRow) + 1;
        raw.sqlite3_bind_int(statement, i, batch.BatchId);
        raw.sqlite3_bind_int(statement, i + 1, batch.ProductId);
        raw.sqlite3_bind_int(statement, i + 2, row);
        raw.sqlite3_bind_text(statement, i + 3, rowKeys(row));
        raw.sqlite3_bind_double(statement, i + 4, predicted[row]);
        if (score is null)
            raw.sqlite3_bind_null(statement, i + 5);
        else
            raw.sqlite3_bind_double(statement, i + 5, score[row]);
        var label = labels?.Invoke(row) ?? double.NaN;
        if (double.IsNaN(label))
            raw.sqlite3_bind_null(statement, i + 6);
        else
            raw.sqlite3_bind_double(statement, i + 6, label);
        if (arms is null)
            raw.sqlite3_bind_null(statement, i + 7);
        else
            raw.sqlite3_bind_int(statement, i + 7, arms[row]);
        if (segments?.Invoke(row) is { } tuple)
            raw.sqlite3_bind_text(statement, i + 8, tuple);
        else
            raw.sqlite3_bind_null(statement, i + 8);
    }

    private static void Step(sqlite3 db, sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        if (rc != raw.SQLITE_DONE)
            throw new SqliteException($"Storing predictions failed: {raw.sqlite3_errmsg(db).utf8_to_string()}", rc);
        raw.sqlite3_reset(statement);
    }

    private static sqlite3_stmt Prepare(sqlite3 db, int rows)
    {
        var values = string.Join(",", Enumerable.Repeat("(?,?,?,?,?,?,?,?,?)", rows));
        var sql = $"INSERT INTO \"{PredictionConfiguration.TableName}\" (\"BatchId\",\"ProductId\",\"RowIndex\",\"RowKey\",\"Predicted\",\"Score\",\"Label\",\"Arm\",\"Segments\") VALUES {values}";
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        if (rc != raw.SQLITE_OK)
            throw new SqliteException($"Preparing the prediction insert failed: {raw.sqlite3_errmsg(db).utf8_to_string()}", rc);
        return statement;
    }
}
