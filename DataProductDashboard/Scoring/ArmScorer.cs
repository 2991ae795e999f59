using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Domain;
using Microsoft.ML;

namespace DataProductDashboard.Scoring;

/// <summary>Scores each row of a table with the model of its A/B arm: the champion rows and the challenger rows are
/// copied into two sub-tables (every row is scored exactly once) and scored by their own model, then merged back in
/// row order. The merged latency percentiles are those of all rows; the duration is the sum of both passes.</summary>
public static class ArmScorer
{
    public static ArmScores Score(IScoringModel champion, IScoringModel challenger, ColumnTable table, byte[] arms, ProductSchema schema,
        TaskType task, IProgress<int>? rowsDone = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(arms);
        if (arms.Length != table.RowCount)
            throw new ArgumentException($"{arms.Length} arms for {table.RowCount} rows.", nameof(arms));
        var championRows = ArmAssignment.RowsOf(arms, ExperimentArm.Champion);
        var challengerRows = ArmAssignment.RowsOf(arms, ExperimentArm.Challenger);
        var championScores = ScoreRows(champion, table, championRows, schema, task, rowsDone, 0, ct);
        var challengerScores = ScoreRows(challenger, table, challengerRows, schema, task, rowsDone, championRows.Length, ct);

        var n = table.RowCount;
        var predicted = new float[n];
        var latency = new float[n];
        var withProbability = task == TaskType.BinaryClassification
            && (championRows.Length == 0 || championScores.Probability is not null)
            && (challengerRows.Length == 0 || challengerScores.Probability is not null);
        var probability = withProbability ? new float[n] : null;
        Scatter(championScores, championRows, predicted, probability, latency);
        Scatter(challengerScores, challengerRows, predicted, probability, latency);
        var merged = new ScoreResult(predicted, probability, championScores.Duration + challengerScores.Duration, LatencyPercentiles.From(latency))
        {
            RowLatencyMicros = latency,
        };
        return new ArmScores(merged, championScores, challengerScores, championRows, challengerRows);
    }

    private static ScoreResult ScoreRows(IScoringModel model, ColumnTable table, int[] rows, ProductSchema schema, TaskType task,
        IProgress<int>? rowsDone, int offset, CancellationToken ct)
    {
        if (rows.Length == 0)
        {
            return new ScoreResult([], task == TaskType.BinaryClassification ? [] : null, TimeSpan.Zero, LatencyPercentiles.Zero) { RowLatencyMicros = [] };
        }
        var progress = rowsDone is null ? null : new SyncProgress(done => rowsDone.Report(offset + done));
        return ModelScorer.Score(model, table.Select(rows), schema, task, progress, ct);
    }

    private static void Scatter(ScoreResult scores, int[] rows, float[] predicted, float[]? probability, float[] latency)
    {
        var rowLatency = scores.RowLatencyMicros;
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            predicted[row] = scores.Predicted[i];
            if (probability is not null)
                probability[row] = scores.Probability![i];
            latency[row] = rowLatency is null ? float.NaN : rowLatency[i];
        }
    }

    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
