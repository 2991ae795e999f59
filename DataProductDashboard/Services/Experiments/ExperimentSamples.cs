using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Analysis.Statistics;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Experiments;

/// <summary>The metrics an A/B test of a product can compare, and what each arm contributes to them, read from the
/// stored predictions of the experiment's batches (and, for KPIs over a feature column, from the stored batch files;
/// for uploaded KPIs, from the values tagged with an arm over the experiment's periods).</summary>
public sealed class ExperimentSamples(ContentStore store)
{
    /// <summary>The product's metrics valid for an A/B test: the task's model metrics, then its KPIs that can be compared
    /// per arm (misclassification cost, the mean of a numeric column or of the prediction / label, uploaded values).</summary>
    public static async Task<IReadOnlyList<(ExperimentMetric Metric, Kpi? Kpi)>> MetricsAsync(DashboardDbContext db, DataProduct product, CancellationToken ct)
    {
        var classes = ClassNames.For(product.Task, product.Schema);
        var metrics = ExperimentMetrics.ForTask(product.Task).Select(m => (Named(m, classes), (Kpi?)null)).ToList();
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.ProductId == product.Id).OrderBy(k => k.Id).ToListAsync(ct);
        foreach (var kpi in kpis)
        {
            if (KpiMetric(product, kpi) is { } metric)
                metrics.Add((metric, kpi));
        }
        return metrics;
    }

    /// <summary>A binary product's positive share names its class: "Share predicted bad".</summary>
    public static ExperimentMetric Named(ExperimentMetric metric, ClassNames? classes) =>
        metric.Key == ExperimentMetrics.PositiveShare && classes is not null
            ? metric with
            {
                Name = $"Share predicted {classes.Positive}",
                Description = $"Share of rows predicted {classes.Positive} (the positive class; the rest are {classes.Negative}), per arm (needs no labels); two-proportion z-test. Neither direction is better in itself.",
            }
            : metric;

    /// <summary>The KPI as an A/B metric, or null when it cannot be compared per arm (a sum or count depends on the split
    /// itself; a cost needs a binary model; a text column has no mean).</summary>
    public static ExperimentMetric? KpiMetric(DataProduct product, Kpi kpi)
    {
        var lower = kpi.Direction == KpiDirection.LowerIsBetter;
        switch (kpi.Source)
        {
            case KpiSource.MisclassificationCost when product.Task == TaskType.BinaryClassification && kpi.CostFalsePositive is not null && kpi.CostFalseNegative is not null:
                return ExperimentMetrics.Kpi(kpi.Id, kpi.Name, lower, kpi.Unit,
                    $"Misclassification cost per labelled row ({kpi.CostFalsePositive} per false positive, {kpi.CostFalseNegative} per false negative), per arm; Welch's t-test.");
            case KpiSource.BatchColumn when kpi.Aggregate == KpiAggregate.Mean && kpi.Column is { } column && IsNumericColumn(product, column):
                return ExperimentMetrics.Kpi(kpi.Id, kpi.Name, lower, kpi.Unit, $"Mean of '{column}' per row, per arm; Welch's t-test.");
            case KpiSource.Uploaded:
                return ExperimentMetrics.Kpi(kpi.Id, kpi.Name, lower, kpi.Unit,
                    "Uploaded values tagged with an arm, one per period, over the experiment's periods; Welch's t-test on the period values.");
            default:
                return null;
        }
    }

    /// <summary>The prediction, the label (stored as a number: the value, or 1 / 0 for the positive class) or a numeric feature.</summary>
    private static bool IsNumericColumn(DataProduct product, string column) =>
        column == DriftDetector.PredictionColumn
        || product.Schema.Label?.Name == column
        || product.Schema.Find(column) is { Kind: ColumnKind.Numeric, IsFeature: true };

    /// <summary>Each arm's contribution to every metric, in the order of <paramref name="metrics"/>: merged from the
    /// per-batch arm statistics stored at import and when labels arrive (<paramref name="statistics"/>: no prediction row is read), and for uploaded
    /// KPIs from the values tagged with an arm.</summary>
    public static async Task<IReadOnlyList<(ExperimentMetric Metric, ArmSample Champion, ArmSample Challenger)>> CollectAsync(DashboardDbContext db, DataProduct product,
        Experiment experiment, IReadOnlyList<(ExperimentMetric Metric, Kpi? Kpi)> metrics,
        (IReadOnlyDictionary<string, Moments> Champion, IReadOnlyDictionary<string, Moments> Challenger) statistics, CancellationToken ct)
    {
        var (champion, challenger) = statistics;
        var samples = new List<(ExperimentMetric, ArmSample, ArmSample)>(metrics.Count);
        foreach (var (metric, kpi) in metrics)
        {
            if (kpi is null)
            {
                samples.Add((metric, ExperimentMetrics.Sample(metric, champion), ExperimentMetrics.Sample(metric, challenger)));
                continue;
            }
            switch (kpi.Source)
            {
                case KpiSource.MisclassificationCost:
                    samples.Add((metric, ArmSample.OfMoments(ArmStatistics.MisclassificationCost(champion, kpi.CostFalsePositive!.Value, kpi.CostFalseNegative!.Value)),
                        ArmSample.OfMoments(ArmStatistics.MisclassificationCost(challenger, kpi.CostFalsePositive.Value, kpi.CostFalseNegative.Value))));
                    break;
                case KpiSource.Uploaded:
                    var periods = await UploadedAsync(db, kpi, experiment, ct);
                    samples.Add((metric, ArmSample.OfValues(periods.Champion), ArmSample.OfValues(periods.Challenger)));
                    break;
                default:
                    var key = ColumnKey(product, kpi.Column!);
                    samples.Add((metric, ArmSample.OfMoments(champion.GetValueOrDefault(key)), ArmSample.OfMoments(challenger.GetValueOrDefault(key))));
                    break;
            }
        }
        return samples;
    }

    /// <summary>The statistics key of a KPI's column: the prediction, the label or a numeric feature.</summary>
    private static string ColumnKey(DataProduct product, string column) =>
        column == DriftDetector.PredictionColumn ? ArmStatistics.Prediction
        : product.Schema.Label?.Name == column ? ArmStatistics.Label
        : ArmStatistics.Column(column);

    /// <summary>Split batches stored before arm statistics existed get them from their stored predictions and file, once,
    /// at start (one transaction per batch).</summary>
    public async Task BackfillAsync(IDbContextFactory<DashboardDbContext> dbFactory, ILogger logger, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var missing = await db.Batches.AsNoTracking().Where(b => b.ExperimentId != null && !db.BatchStatistics.Any(s => s.BatchId == b.Id))
            .OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(ct);
        foreach (var batchId in missing)
        {
            await using var batchDb = await dbFactory.CreateDbContextAsync(ct);
            await BackfillBatchAsync(batchDb, batchId, ct);
        }
        if (missing.Count > 0)
            logger.LogInformation("Arm statistics computed for {Batches} split batches stored before they existed", missing.Count);
    }

    private async Task BackfillBatchAsync(DashboardDbContext db, int batchId, CancellationToken ct)
    {
        var batch = await db.Batches.AsNoTracking().FirstAsync(b => b.Id == batchId, ct);
        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == batch.ProductId, ct);
        var experiment = await db.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == batch.ExperimentId, ct);
        if (experiment is null)
            return;
        var rows = await db.Predictions.AsNoTracking().Where(p => p.BatchId == batchId && p.Arm != null).OrderBy(p => p.RowIndex)
            .Select(p => new { p.RowIndex, p.Arm, p.Predicted, p.Label }).ToListAsync(ct);
        var armOfRow = new Dictionary<int, ExperimentArm>(rows.Count);
        foreach (var row in rows)
            armOfRow[row.RowIndex] = row.Arm!.Value;
        var columns = product.Schema.Columns.Where(c => c is { Kind: ColumnKind.Numeric, IsFeature: true }).Select(c => c.Name).ToList();
        var columnStatistics = new Dictionary<string, Moments>[] { new(StringComparer.Ordinal), new(StringComparer.Ordinal) };
        if (columns.Count > 0 && await store.LocalCopyAsync(ContentStore.Batches, batch.FileHash, ".csv", ct) is { } path)
        {
            await Task.Run(() => CsvBatchReader.ReadFileChunks(path, batch.FileName, product.Schema, CsvReadMode.Batch, BackfillChunkRows, chunk =>
            {
                var arms = new byte[chunk.RowCount];
                for (var i = 0; i < arms.Length; i++)
                    arms[i] = armOfRow.TryGetValue(chunk.FirstRow + i, out var arm) ? (byte)arm : byte.MaxValue;
                ArmStatistics.AddChunk(product.Task, columnStatistics, chunk.Table, columns, arms, predicted: []);
            }, Domain.ProductTimeZone.Of(product.TimeZone), ct), ct);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var arm in (ExperimentArm[])[ExperimentArm.Champion, ExperimentArm.Challenger])
        {
            var picked = rows.Where(r => r.Arm == arm).ToList();
            var predicted = picked.Select(r => r.Predicted).ToArray();
            var statistics = ArmStatistics.OfScoring(product.Task, predicted);
            foreach (var (key, value) in ArmStatistics.OfLabels(product.Task, predicted, picked.Select(r => r.Label ?? double.NaN).ToArray()))
                statistics[key] = value;
            foreach (var (key, value) in columnStatistics[(int)arm])
                statistics[key] = value;
            var versionId = arm == ExperimentArm.Challenger ? experiment.ChallengerVersionId : experiment.ChampionVersionId;
            await ArmStatisticsStore.ReplaceAsync(db, batchId, experiment.Id, arm, versionId, statistics, ct);
        }
        await tx.CommitAsync(ct);
    }

    private const int BackfillChunkRows = 131_072;

    /// <summary>Uploaded values tagged with an arm whose period overlaps the experiment.</summary>
    private static async Task<(double[] Champion, double[] Challenger)> UploadedAsync(DashboardDbContext db, Kpi kpi, Experiment experiment, CancellationToken ct)
    {
        var values = await db.KpiValues.AsNoTracking().Where(v => v.KpiId == kpi.Id && v.Arm != null)
            .Select(v => new { v.PeriodStart, v.Arm, v.Value }).ToListAsync(ct);
        var end = experiment.StoppedAt ?? DateTime.MaxValue;
        var overlapping = values.Where(v => v.PeriodStart < end && PeriodEnd(v.PeriodStart, kpi.Period) > experiment.StartedAt).ToList();
        return (overlapping.Where(v => v.Arm == ExperimentArm.Champion).OrderBy(v => v.PeriodStart).Select(v => v.Value).ToArray(),
            overlapping.Where(v => v.Arm == ExperimentArm.Challenger).OrderBy(v => v.PeriodStart).Select(v => v.Value).ToArray());
    }

    private static DateTime PeriodEnd(DateTime start, KpiPeriod period) => period switch
    {
        KpiPeriod.Day => start.AddDays(1),
        KpiPeriod.Week => start.AddDays(7),
        _ => start.AddMonths(1),
    };
}
