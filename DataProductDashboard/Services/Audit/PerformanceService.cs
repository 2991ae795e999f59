using System.Text.Json;
using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Analysis.Metrics;
using DataProductDashboard.Analysis.Performance;
using DataProductDashboard.Analysis.Segments;
using DataProductDashboard.Services.Fairness;
using DataProductDashboard.Services.Segments;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Configurations;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DataProductDashboard.Services.Audit;

/// <summary>Model performance on labelled rows and concept drift, per batch and over a rolling window of the latest
/// labelled batches; re-running replaces a batch's "performance" run and its points. A batch an A/B test split also gets
/// the performance of each arm's labelled rows (against that arm's model's hold-out), stored as "arm-performance" runs
/// whose points carry the arm's segment and model version; the whole-batch run is unchanged.</summary>
public sealed class PerformanceService(ILogger<PerformanceService> logger)
{
    public const string RunKind = "performance";
    public const int WindowBatches = ConceptDrift.WindowBatches;

    /// <summary>Recomputes the performance of the <paramref name="changed"/> batches (whose labels changed) and of the
    /// labelled batches whose window of <see cref="WindowBatches"/> holds one of them, inside the caller's context and
    /// transaction. It reads the labelled rows of those batches and their windows only: the cost depends on what
    /// changed, not on the product's history.</summary>
    public async Task RecomputeAsync(DashboardDbContext db, int productId, IReadOnlyCollection<int> changed, CancellationToken ct)
    {
        if (changed.Count == 0)
            return;
        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == productId, ct);
        var changedBatches = await db.Batches.Where(b => changed.Contains(b.Id)).ToListAsync(ct);
        var rowsByBatch = new Dictionary<int, LabelledRows>();
        foreach (var batch in changedBatches)
        {
            var rows = await LabelledRowsAsync(db, batch.Id, ct);
            batch.LabelledRows = rows.Label.Length;
            rowsByBatch[batch.Id] = rows;
        }
        await db.SaveChangesAsync(ct);

        // The product's labelled batches in order (ids only), to find each changed batch's followers and window.
        var labelled = await db.Batches.AsNoTracking().Where(b => b.ProductId == productId && b.LabelledRows > 0)
            .OrderBy(b => b.ReceivedAt).ThenBy(b => b.Id).Select(b => b.Id).ToListAsync(ct);
        var position = labelled.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var recompute = new SortedSet<int>(Affected(labelled, changed).Select(id => position[id]));
        if (recompute.Count == 0)
            return;
        var needed = recompute.SelectMany(j => Enumerable.Range(Math.Max(0, j - WindowBatches + 1), Math.Min(WindowBatches, j + 1))).Distinct()
            .Select(j => labelled[j]).Where(id => !rowsByBatch.ContainsKey(id)).ToList();
        foreach (var id in needed)
            rowsByBatch[id] = await LabelledRowsAsync(db, id, ct);
        var targetIds = recompute.Select(j => labelled[j]).ToList();
        var targets = (await db.Batches.AsNoTracking().Where(b => targetIds.Contains(b.Id)).ToListAsync(ct)).ToDictionary(b => b.Id);
        var versionIds = targets.Values.Select(b => b.ModelVersionId).ToHashSet();
        var experimentIds = targets.Values.Where(b => b.ExperimentId is not null).Select(b => b.ExperimentId!.Value).ToHashSet();
        var experiments = await db.Experiments.AsNoTracking().Where(e => experimentIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => (Champion: e.ChampionVersionId, Challenger: e.ChallengerVersionId), ct);
        versionIds.UnionWith(experiments.Values.SelectMany(v => new[] { v.Champion, v.Challenger }));
        var holdouts = await db.ModelVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.HoldoutMetrics, ct);

        // Every run is computed first, then the old runs go in one statement and the new ones in one save and one
        // multi-row insert of their points (per batch and arm, these statements were most of a label upload's time).
        var runs = new List<(MetricRun Run, List<(string Key, double Value)> Points, string? Segment)>();
        foreach (var j in recompute)
        {
            var batch = targets[labelled[j]];
            var rows = rowsByBatch[batch.Id];
            var window = Enumerable.Range(Math.Max(0, j - WindowBatches + 1), Math.Min(WindowBatches, j + 1)).Select(w => rowsByBatch[labelled[w]].Values).ToList();
            var result = Compute(product.Task, rows.Values, window, holdouts.GetValueOrDefault(batch.ModelVersionId) ?? [], ClassNames.Multiclass(product.Schema));
            runs.Add((NewRun(batch, RunKind, batch.ModelVersionId, result), PerformancePoints.Flatten(result).ToList(), null));
            if (batch.ExperimentId is { } experimentId && experiments.TryGetValue(experimentId, out var versions))
            {
                runs.AddRange(ArmRuns(product.Task, batch, rows, versions, holdouts));
                if (changed.Contains(batch.Id))
                    await ReplaceArmLabelStatisticsAsync(db, product.Task, batch, experimentId, rows, versions, ct);
            }
        }
        // A challenger's shadow performance depends on its own scores of the batch only: the batches whose labels changed.
        var shadowBatches = changed.Where(targets.ContainsKey).ToList();
        var shadowRuns = await ShadowRunsAsync(db, product.Task, ClassNames.Multiclass(product.Schema), shadowBatches.Select(id => targets[id]).ToList(), rowsByBatch, ct);
        // Each segment's performance depends on the batch's own rows only: the batches whose labels changed.
        var segmentAttributes = SegmentAttributes.Of(product.Schema);
        if (segmentAttributes.Count > 0)
        {
            foreach (var batch in changedBatches)
                runs.AddRange(SegmentRuns(product.Task, ClassNames.Multiclass(product.Schema), batch, rowsByBatch[batch.Id], segmentAttributes));
        }
        var changedIds = changedBatches.Select(b => b.Id).ToList();
        await db.MetricRuns.Where(r => r.BatchId != null && changedIds.Contains(r.BatchId.Value) && r.Kind == SegmentHistory.PerformanceRunKind).ExecuteDeleteAsync(ct);
        var recomputed = targets.Keys.ToList();
        await db.MetricRuns.Where(r => r.BatchId != null && recomputed.Contains(r.BatchId.Value) && (r.Kind == RunKind || r.Kind == ArmHistory.PerformanceRunKind))
            .ExecuteDeleteAsync(ct);
        await db.MetricRuns.Where(r => r.BatchId != null && shadowBatches.Contains(r.BatchId.Value) && r.Kind == ShadowHistory.PerformanceRunKind)
            .ExecuteDeleteAsync(ct);
        db.MetricRuns.AddRange(runs.Select(r => r.Run));
        db.MetricRuns.AddRange(shadowRuns.Select(r => r.Run));
        await db.SaveChangesAsync(ct);
        await MetricPointWriter.InsertAsync(db, runs.SelectMany(r => r.Points.Select(p => new MetricPoint
        {
            ProductId = r.Run.ProductId, BatchId = r.Run.BatchId, ModelVersionId = r.Run.ModelVersionId, MetricRunId = r.Run.Id,
            MetricKey = p.Key, Segment = r.Segment, Value = p.Value, At = r.Run.At,
        })).Concat(shadowRuns.SelectMany(r => ShadowHistory.Points(r.Run, r.Points))).ToList(), ct);
        await FairnessHistory.ReplaceAsync(db, productId, product.Task, product.Schema, changedIds, ct);
        logger.LogInformation("Recomputed performance of {Count} batches of product {ProductId} after labels of {Changed} batches",
            recompute.Count, productId, changed.Count);
    }

    /// <summary>Of the labelled batches in order, those whose performance depends on the <paramref name="changed"/> ones:
    /// each changed batch and the <see cref="WindowBatches"/> − 1 labelled batches after it (their windows hold it).</summary>
    public static IReadOnlyList<int> Affected(IReadOnlyList<int> labelledInOrder, IReadOnlyCollection<int> changed) =>
        Affected(labelledInOrder, changed, WindowBatches);

    /// <summary>Of batches in order, each changed one and the <paramref name="window"/> − 1 after it.</summary>
    public static IReadOnlyList<int> Affected(IReadOnlyList<int> labelledInOrder, IReadOnlyCollection<int> changed, int window)
    {
        var changedSet = changed.ToHashSet();
        var affected = new SortedSet<int>();
        for (var i = 0; i < labelledInOrder.Count; i++)
        {
            if (!changedSet.Contains(labelledInOrder[i]))
                continue;
            for (var j = i; j < Math.Min(labelledInOrder.Count, i + window); j++)
                affected.Add(j);
        }
        return affected.Select(j => labelledInOrder[j]).ToList();
    }

    /// <summary>The performance of each challenger's shadow scores of the batches on their labelled rows (the labels of
    /// the champion's rows with the same index), judged against the challenger's own hold-out; its concept-drift window
    /// is the batch alone. The shadow rows are read in key order and matched to the labelled rows already read.</summary>
    private static async Task<List<(MetricRun Run, List<(string Key, double Value)> Points)>> ShadowRunsAsync(DashboardDbContext db, TaskType task,
        IReadOnlyList<string> classes, IReadOnlyList<Batch> batches, IReadOnlyDictionary<int, LabelledRows> labelled, CancellationToken ct)
    {
        var runs = new List<(MetricRun, List<(string, double)>)>();
        var scored = new List<(Batch Batch, int VersionId, (double[] Label, double[] Predicted, double[]? Score) Values)>();
        foreach (var batch in batches)
        {
            var rows = labelled[batch.Id];
            if (rows.Label.Length > 0)
                scored.AddRange((await ShadowScoresAsync(db, batch.Id, rows, ct)).Select(v => (batch, v.VersionId, v.Values)));
        }
        if (scored.Count == 0)
            return runs;
        var versionIds = scored.Select(r => r.VersionId).Distinct().ToList();
        var holdouts = await db.ModelVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.HoldoutMetrics, ct);
        foreach (var (batch, versionId, values) in scored)
        {
            var result = Compute(task, values, [values], holdouts.GetValueOrDefault(versionId) ?? [], classes);
            runs.Add((ShadowHistory.NewRun(batch, ShadowHistory.PerformanceRunKind, versionId, result), PerformancePoints.Flatten(result).ToList()));
        }
        return runs;
    }

    /// <summary>Each challenger's shadow scores of a batch's labelled rows (by version, ascending): the shadow rows in
    /// (version, row) order merged with the labelled rows' indexes.</summary>
    private static async Task<List<(int VersionId, (double[] Label, double[] Predicted, double[]? Score) Values)>> ShadowScoresAsync(
        DashboardDbContext db, int batchId, LabelledRows rows, CancellationToken ct)
    {
        var result = new List<(int, (double[], double[], double[]?))>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = BatchCommand(db, batchId,
                $"SELECT \"ModelVersionId\", \"RowIndex\", \"Predicted\", \"Score\" FROM \"{ShadowPredictionConfiguration.TableName}\" WHERE \"BatchId\" = @batch ORDER BY \"ModelVersionId\", \"RowIndex\"");
            await using var reader = await command.ExecuteReaderAsync(ct);
            int? version = null;
            var (label, predicted, score) = (new List<double>(), new List<double>(), new List<double>());
            var everyScore = true;
            var next = 0;
            void Flush()
            {
                if (version is { } v && label.Count > 0)
                    result.Add((v, ([.. label], [.. predicted], everyScore ? [.. score] : null)));
                (label, predicted, score, everyScore, next) = (new List<double>(), new List<double>(), new List<double>(), true, 0);
            }
            while (await reader.ReadAsync(ct))
            {
                var rowVersion = reader.GetInt32(0);
                if (rowVersion != version)
                {
                    Flush();
                    version = rowVersion;
                }
                var rowIndex = reader.GetInt32(1);
                while (next < rows.RowIndex.Length && rows.RowIndex[next] < rowIndex)
                    next++;
                if (next == rows.RowIndex.Length || rows.RowIndex[next] != rowIndex)
                    continue;
                label.Add(rows.Label[next]);
                predicted.Add(reader.GetDouble(2));
                if (reader.IsDBNull(3))
                    everyScore = false;
                else
                    score.Add(reader.GetDouble(3));
            }
            Flush();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return result;
    }

    /// <summary>A batch's labelled rows in row order: label, prediction, score (when every row has one) and arm.</summary>
    private sealed record LabelledRows(int[] RowIndex, double[] Label, double[] Predicted, double[]? Score, ExperimentArm?[] Arms, string?[] Segments)
    {
        public (double[] Label, double[] Predicted, double[]? Score) Values => (Label, Predicted, Score);
    }

    /// <summary>A command of one batch's rows (<c>@batch</c>) on the context's open connection, in its transaction.</summary>
    private static System.Data.Common.DbCommand BatchCommand(DashboardDbContext db, int batchId, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@batch";
        parameter.Value = batchId;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>Read with a plain data reader (one batch can hold a million labelled rows; EF's materialization cost
    /// more than the query), inside the caller's transaction.</summary>
    private static async Task<LabelledRows> LabelledRowsAsync(DashboardDbContext db, int batchId, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = BatchCommand(db, batchId,
                $"SELECT \"Label\", \"Predicted\", \"Score\", \"Arm\", \"Segments\", \"RowIndex\" FROM \"{PredictionConfiguration.TableName}\" WHERE \"BatchId\" = @batch AND \"Label\" IS NOT NULL ORDER BY \"RowIndex\"");
            var (label, predicted, score, arms) = (new List<double>(), new List<double>(), new List<double>(), new List<ExperimentArm?>());
            var segments = new List<string?>();
            var rowIndex = new List<int>();
            var everyScore = true;
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    label.Add(reader.GetDouble(0));
                    predicted.Add(reader.GetDouble(1));
                    if (reader.IsDBNull(2))
                        everyScore = false;
                    else
                        score.Add(reader.GetDouble(2));
                    arms.Add(reader.IsDBNull(3) ? null : (ExperimentArm)reader.GetInt32(3));
                    segments.Add(reader.IsDBNull(4) ? null : reader.GetString(4));
                    rowIndex.Add(reader.GetInt32(5));
                }
            }
            return new LabelledRows([.. rowIndex], [.. label], [.. predicted], label.Count > 0 && everyScore ? [.. score] : null, [.. arms], [.. segments]);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Performance of a batch's rows and concept drift over its window. Only rows with a label count: a row
    /// whose label is NaN (not arrived) is left out of every metric, row count and denominator.</summary>
    /// <param name="classes">Multiclass: the product's classes, which the stored codes index.</param>
    public static PerformanceResult Compute(TaskType task, (double[] Label, double[] Predicted, double[]? Score) batch,
        IReadOnlyList<(double[] Label, double[] Predicted, double[]? Score)> window, IReadOnlyDictionary<string, double> holdout,
        IReadOnlyList<string>? classes = null)
    {
        batch = LabelledOnly(batch);
        window = window.Select(LabelledOnly).ToList();
        if (task == TaskType.Regression)
        {
            var metrics = RegressionMetrics.Compute(batch.Label, batch.Predicted);
            var pooled = window.SelectMany(w => w.Label.Zip(w.Predicted, (y, p) => Math.Abs(p - y))).ToArray();
            var own = batch.Label.Zip(batch.Predicted, (y, p) => Math.Abs(p - y)).ToArray();
            var mae = holdout.TryGetValue("mae", out var h) ? h : (double?)null;
            return new PerformanceResult(batch.Label.Length, metrics, null, ConceptDrift.MeanAbsoluteError(own, mae),
                window.Count > 1 ? ConceptDrift.MeanAbsoluteError(pooled, mae) : null, window.Count);
        }
        var classification = task == TaskType.MulticlassClassification
            ? MulticlassOf(batch, classes ?? [])
            : ClassificationMetrics.Binary(batch.Label, batch.Predicted, batch.Score ?? []);
        var accuracy = holdout.TryGetValue("accuracy", out var a) ? a : (double?)null;
        long Correct((double[] Label, double[] Predicted, double[]? Score) rows) => rows.Label.Zip(rows.Predicted).LongCount(x => x.First == x.Second);
        return new PerformanceResult(batch.Label.Length, null, classification,
            ConceptDrift.Accuracy(Correct(batch), batch.Label.Length, accuracy),
            window.Count > 1 ? ConceptDrift.Accuracy(window.Sum(Correct), window.Sum(w => w.Label.Length), accuracy) : null, window.Count);
    }

    /// <summary>Multiclass metrics of labelled rows over the product's classes (null without rows).</summary>
    private static ClassificationMetrics? MulticlassOf((double[] Label, double[] Predicted, double[]? Score) rows, IReadOnlyList<string> classes)
    {
        if (rows.Label.Length == 0)
            return null;
        string Name(double code) => LabelCodes.Name(code, classes) ?? code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ClassificationMetrics.Multiclass([.. rows.Label.Select(Name)], [.. rows.Predicted.Select(Name)], classes.Count > 0 ? classes : null);
    }

    /// <summary>The rows with a label (the arrays themselves when every row has one: no copy).</summary>
    public static (double[] Label, double[] Predicted, double[]? Score) LabelledOnly((double[] Label, double[] Predicted, double[]? Score) rows)
    {
        if (!Array.Exists(rows.Label, double.IsNaN))
            return rows;
        var keep = Enumerable.Range(0, rows.Label.Length).Where(i => !double.IsNaN(rows.Label[i])).ToArray();
        return (keep.Select(i => rows.Label[i]).ToArray(), keep.Select(i => rows.Predicted[i]).ToArray(),
            rows.Score is { } score ? keep.Select(i => score[i]).ToArray() : null);
    }

    /// <summary>Performance of each arm's labelled rows of a split batch, judged against its own model's hold-out (its
    /// concept-drift window is the arm's rows of this batch), as runs with the arm's segment and model version.</summary>
    private static IEnumerable<(MetricRun Run, List<(string Key, double Value)> Points, string? Segment)> ArmRuns(TaskType task, Batch batch, LabelledRows rows,
        (int Champion, int Challenger) versions, IReadOnlyDictionary<int, Dictionary<string, double>> holdouts)
    {
        foreach (var arm in (ExperimentArm[])[ExperimentArm.Champion, ExperimentArm.Challenger])
        {
            var picked = Enumerable.Range(0, rows.Arms.Length).Where(i => rows.Arms[i] == arm).ToArray();
            if (picked.Length == 0)
                continue;
            var armRows = (picked.Select(i => rows.Label[i]).ToArray(), picked.Select(i => rows.Predicted[i]).ToArray(),
                rows.Score is { } score ? picked.Select(i => score[i]).ToArray() : null);
            var versionId = arm == ExperimentArm.Challenger ? versions.Challenger : versions.Champion;
            var result = Compute(task, armRows, [armRows], holdouts.GetValueOrDefault(versionId) ?? []);
            yield return (NewRun(batch, ArmHistory.PerformanceRunKind, versionId, result), PerformancePoints.Flatten(result).ToList(), ArmSegment.Of(arm));
        }
    }

    /// <summary>The performance of each segment value's labelled rows of a batch (no concept-drift verdict: a segment has
    /// no hold-out of its own), as "segment-performance" runs whose points carry the segment ("sex=female").</summary>
    private static IEnumerable<(MetricRun Run, List<(string Key, double Value)> Points, string? Segment)> SegmentRuns(TaskType task, IReadOnlyList<string> classes,
        Batch batch, LabelledRows rows, IReadOnlyList<string> attributes)
    {
        if (rows.Label.Length == 0)
            yield break;
        foreach (var attribute in attributes)
        {
            // Rows of a batch stored before the attribute became a segment carry no value for it: not measured.
            foreach (var group in Enumerable.Range(0, rows.Label.Length)
                .Select(i => (Row: i, Value: SegmentTuple.ValueOf(rows.Segments[i], attribute)))
                .Where(r => r.Value is not null)
                .GroupBy(r => r.Value!, r => r.Row, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var picked = group.ToArray();
                var values = (picked.Select(i => rows.Label[i]).ToArray(), picked.Select(i => rows.Predicted[i]).ToArray(),
                    rows.Score is { } score ? picked.Select(i => score[i]).ToArray() : null);
                var result = Compute(task, values, [values], new Dictionary<string, double>(), classes);
                yield return (NewRun(batch, SegmentHistory.PerformanceRunKind, batch.ModelVersionId, result),
                    PerformancePoints.Flatten(result).Where(p => p.Key.StartsWith(PerformancePoints.Prefix, StringComparison.Ordinal) && double.IsFinite(p.Value)).ToList(),
                    SegmentAttributes.Name(attribute, group.Key));
            }
        }
    }

    private static MetricRun NewRun(Batch batch, string kind, int modelVersionId, PerformanceResult result) => new()
    {
        ProductId = batch.ProductId, BatchId = batch.Id, ModelVersionId = modelVersionId, Kind = kind, At = batch.ReceivedAt,
        ResultJson = JsonSerializer.Serialize(result, JsonValueConverter.Options),
    };

    /// <summary>The label statistics of each arm of a split batch (what its A/B metrics merge), from its labelled rows.</summary>
    private static async Task ReplaceArmLabelStatisticsAsync(DashboardDbContext db, TaskType task, Batch batch, int experimentId, LabelledRows rows,
        (int Champion, int Challenger) versions, CancellationToken ct)
    {
        foreach (var arm in (ExperimentArm[])[ExperimentArm.Champion, ExperimentArm.Challenger])
        {
            var picked = Enumerable.Range(0, rows.Arms.Length).Where(i => rows.Arms[i] == arm).ToArray();
            var statistics = ArmStatistics.OfLabels(task, picked.Select(i => rows.Predicted[i]).ToArray(), picked.Select(i => rows.Label[i]).ToArray());
            await ArmStatisticsStore.ReplaceAsync(db, batch.Id, experimentId, arm, arm == ExperimentArm.Challenger ? versions.Challenger : versions.Champion, statistics, ct);
        }
    }
}
