using DataProductDashboard.Data.Configurations;
using Npgsql;
using NpgsqlTypes;

namespace DataProductDashboard.Data;

/// <summary>PostgreSQL's side of <see cref="PredictionWriter"/> and <see cref="ShadowPredictionWriter"/>: rows go in
/// through binary <c>COPY</c> (one stream, no statement per row), and a label file's keys are looked up and its labels
/// set with one statement per chunk over <c>unnest</c>ed arrays, through the (product, row key) index. Everything runs
/// on the caller's connection, so inside its transaction.</summary>
internal static class PostgreSqlPredictions
{
    private const int ChunkRows = 50_000;

    private static readonly string PredictionCopy =
        $"COPY \"{PredictionConfiguration.TableName}\" (\"BatchId\",\"ProductId\",\"RowIndex\",\"RowKey\",\"Predicted\",\"Score\",\"Label\",\"Arm\",\"Segments\") FROM STDIN (FORMAT BINARY)";

    private static readonly string ShadowCopy =
        $"COPY \"{ShadowPredictionConfiguration.TableName}\" (\"BatchId\",\"ModelVersionId\",\"RowIndex\",\"Predicted\",\"Score\") FROM STDIN (FORMAT BINARY)";

    private static readonly string KeyLookupSql =
        $"SELECT k.ord, p.\"BatchId\", p.\"RowIndex\" FROM unnest(@keys) WITH ORDINALITY AS k(key, ord) " +
        $"JOIN \"{PredictionConfiguration.TableName}\" p ON p.\"ProductId\" = @product AND p.\"RowKey\" = k.key";

    private static readonly string LabelUpdateSql =
        $"UPDATE \"{PredictionConfiguration.TableName}\" AS p SET \"Label\" = u.label, \"LabelAt\" = @at " +
        "FROM unnest(@batches, @rows, @labels) AS u(batch, row_index, label) WHERE p.\"BatchId\" = u.batch AND p.\"RowIndex\" = u.row_index";

    public static void WritePredictions(NpgsqlConnection connection, PredictionWriter.BatchRef batch, int rows, Func<int, string> keyOf,
        float[] predicted, float[]? score, Func<int, double>? labelOf, byte[]? arms, IProgress<int>? rowsDone, CancellationToken ct,
        Func<int, string?>? segmentsOf)
    {
        using (var copy = connection.BeginBinaryImport(PredictionCopy))
        {
            for (var row = 0; row < rows; row++)
            {
                if ((row & 0x3FFF) == 0 && row > 0)
                {
                    ct.ThrowIfCancellationRequested();
                    rowsDone?.Report(row);
                }
                copy.StartRow();
                copy.Write(batch.BatchId, NpgsqlDbType.Integer);
                copy.Write(batch.ProductId, NpgsqlDbType.Integer);
                copy.Write(row, NpgsqlDbType.Integer);
                copy.Write(keyOf(row), NpgsqlDbType.Text);
                copy.Write((double)predicted[row], NpgsqlDbType.Double);
                if (score is null)
                    copy.WriteNull();
                else
                    copy.Write((double)score[row], NpgsqlDbType.Double);
                var label = labelOf?.Invoke(row) ?? double.NaN;
                if (double.IsNaN(label))
                    copy.WriteNull();
                else
                    copy.Write(label, NpgsqlDbType.Double);
                if (arms is null)
                    copy.WriteNull();
                else
                    copy.Write((int)arms[row], NpgsqlDbType.Integer);
                if (segmentsOf?.Invoke(row) is { } tuple)
                    copy.Write(tuple, NpgsqlDbType.Text);
                else
                    copy.WriteNull();
            }
            copy.Complete();
        }
        rowsDone?.Report(rows);
    }

    public static void WriteShadow(NpgsqlConnection connection, int batchId, int modelVersionId, float[] predicted, float[]? score, CancellationToken ct)
    {
        using var copy = connection.BeginBinaryImport(ShadowCopy);
        for (var row = 0; row < predicted.Length; row++)
        {
            if ((row & 0x3FFF) == 0)
                ct.ThrowIfCancellationRequested();
            copy.StartRow();
            copy.Write(batchId, NpgsqlDbType.Integer);
            copy.Write(modelVersionId, NpgsqlDbType.Integer);
            copy.Write(row, NpgsqlDbType.Integer);
            copy.Write((double)predicted[row], NpgsqlDbType.Double);
            if (score is null)
                copy.WriteNull();
            else
                copy.Write((double)score[row], NpgsqlDbType.Double);
        }
        copy.Complete();
    }

    /// <summary>As <see cref="PredictionWriter.JoinLabels"/>: every key looked up (in chunks), the file's rows whose key
    /// no prediction has reported (at most <paramref name="maxMissing"/>) and nothing updated then; else each labelled
    /// prediction set once (a key given twice takes the file's later label).</summary>
    public static PredictionWriter.LabelJoin JoinLabels(NpgsqlConnection connection, int productId, IReadOnlyList<(int Row, string Key, double Label)> rows,
        DateTime labelledAt, int maxMissing, CancellationToken ct)
    {
        var missing = new List<int>();
        var found = new Dictionary<(int BatchId, int RowIndex), double>();
        for (var start = 0; start < rows.Count && missing.Count < maxMissing; start += ChunkRows)
        {
            ct.ThrowIfCancellationRequested();
            var count = Math.Min(ChunkRows, rows.Count - start);
            var keys = new string[count];
            for (var i = 0; i < count; i++)
                keys[i] = rows[start + i].Key;
            var matched = new bool[count];
            var matches = new List<(int Ordinal, int BatchId, int RowIndex)>();
            using (var command = new NpgsqlCommand(KeyLookupSql, connection))
            {
                command.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = keys });
                command.Parameters.Add(new NpgsqlParameter<int>("product", NpgsqlDbType.Integer) { TypedValue = productId });
                using var reader = command.ExecuteReader();
                while (reader.Read())
                    matches.Add(((int)reader.GetInt64(0) - 1, reader.GetInt32(1), reader.GetInt32(2)));
            }
            // In file order, so a key given twice keeps the later label.
            matches.Sort((a, b) => a.Ordinal.CompareTo(b.Ordinal));
            foreach (var (ordinal, batchId, rowIndex) in matches)
            {
                matched[ordinal] = true;
                var label = rows[start + ordinal].Label;
                if (!double.IsNaN(label))
                    found[(batchId, rowIndex)] = label;
            }
            for (var i = 0; i < count && missing.Count < maxMissing; i++)
                if (!matched[i])
                    missing.Add(rows[start + i].Row);
        }
        if (missing.Count > 0)
            return new PredictionWriter.LabelJoin(0, [], missing);

        var ordered = found.OrderBy(f => f.Key.BatchId).ThenBy(f => f.Key.RowIndex).ToList();
        for (var start = 0; start < ordered.Count; start += ChunkRows)
        {
            ct.ThrowIfCancellationRequested();
            var chunk = ordered.GetRange(start, Math.Min(ChunkRows, ordered.Count - start));
            using var command = new NpgsqlCommand(LabelUpdateSql, connection);
            command.Parameters.Add(new NpgsqlParameter<int[]>("batches", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = chunk.Select(f => f.Key.BatchId).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<int[]>("rows", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = chunk.Select(f => f.Key.RowIndex).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<double[]>("labels", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = chunk.Select(f => f.Value).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<DateTime>("at", NpgsqlDbType.TimestampTz) { TypedValue = DateTime.SpecifyKind(labelledAt.ToUniversalTime(), DateTimeKind.Utc) });
            command.ExecuteNonQuery();
        }
        var batches = ordered.Select(f => f.Key.BatchId).Distinct().ToList();
        return new PredictionWriter.LabelJoin(ordered.Count, batches, []);
    }
}
