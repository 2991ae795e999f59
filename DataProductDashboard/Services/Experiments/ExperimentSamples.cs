using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Analysis.Experiments;
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
        var metrics = ExperimentMetrics.ForTask(product.Task).Select(m => (m, (Kpi?)null)).ToList();
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.ProductId == product.Id).OrderBy(k => k.Id).ToListAsync(ct);
        foreach (var kpi in kpis)
        {
            if (KpiMetric(product, kpi) is { } metric)
                metrics.Add((metric, kpi));
        }
        return metrics;
    }

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

    /// <summary>Each arm's contribution to every metric, in the order of <paramref name="metrics"/>.</summary>
    public async Task<IReadOnlyList<(ExperimentMetric Metric, ArmSample Champion, ArmSample Challenger)>> CollectAsync(DashboardDbContext db, DataProduct product,
        Experiment experiment, IReadOnlyList<(ExperimentMetric Metric, Kpi? Kpi)> metrics, CancellationToken ct)
    {
        var batches = await db.Batches.AsNoTracking().Where(b => b.ExperimentId == experiment.Id).OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.FileHash, b.FileName }).ToListAsync(ct);
        var batchIds = batches.Select(b => b.Id).ToList();
        var rows = batchIds.Count == 0 ? []
            : await db.Predictions.AsNoTracking().Where(p => batchIds.Contains(p.BatchId) && p.Arm != null)
                .OrderBy(p => p.BatchId).ThenBy(p => p.RowIndex)
                .Select(p => new Row(p.BatchId, p.RowIndex, p.Arm!.Value, p.Predicted, p.Label)).ToListAsync(ct);
        var champion = Observations(rows, ExperimentArm.Champion);
        var challenger = Observations(rows, ExperimentArm.Challenger);

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
                    samples.Add((metric, ArmSample.OfValues(ExperimentMetrics.MisclassificationCosts(champion, kpi.CostFalsePositive!.Value, kpi.CostFalseNegative!.Value)),
                        ArmSample.OfValues(ExperimentMetrics.MisclassificationCosts(challenger, kpi.CostFalsePositive.Value, kpi.CostFalseNegative.Value))));
                    break;
                case KpiSource.Uploaded:
                    var periods = await UploadedAsync(db, kpi, experiment, ct);
                    samples.Add((metric, ArmSample.OfValues(periods.Champion), ArmSample.OfValues(periods.Challenger)));
                    break;
                default:
                    var values = await ColumnValuesAsync(product, kpi.Column!, rows, batches.ToDictionary(b => b.Id, b => (b.FileHash, b.FileName)), ct);
                    samples.Add((metric, ArmSample.OfValues(Finite(values, rows, ExperimentArm.Champion)), ArmSample.OfValues(Finite(values, rows, ExperimentArm.Challenger))));
                    break;
            }
        }
        return samples;
    }

    private static ArmObservations Observations(List<Row> rows, ExperimentArm arm)
    {
        var picked = rows.Where(r => r.Arm == arm).ToList();
        return new ArmObservations(picked.Select(r => r.Predicted).ToArray(), picked.Select(r => r.Label ?? double.NaN).ToArray());
    }

    private static double[] Finite(double[] values, List<Row> rows, ExperimentArm arm)
    {
        var picked = new List<double>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Arm == arm && double.IsFinite(values[i]))
                picked.Add(values[i]);
        }
        return [.. picked];
    }

    /// <summary>The column's value for each row (NaN when missing or not labelled yet): the prediction, the label, or a
    /// feature read back from the stored batch file.</summary>
    private async Task<double[]> ColumnValuesAsync(DataProduct product, string column, List<Row> rows, Dictionary<int, (string Hash, string Name)> files, CancellationToken ct)
    {
        if (column == DriftDetector.PredictionColumn)
            return rows.Select(r => r.Predicted).ToArray();
        if (product.Schema.Label?.Name == column)
            return rows.Select(r => r.Label ?? double.NaN).ToArray();
        var values = new double[rows.Count];
        var byBatch = new Dictionary<int, double[]>();
        foreach (var (batchId, (hash, name)) in files)
        {
            var path = store.PathFor(ContentStore.Batches, hash, ".csv");
            var table = await Task.Run(() => CsvBatchReader.ReadFile(path, name, product.Schema, CsvReadMode.Batch, ct).Table, ct);
            byBatch[batchId] = table.TryGetNumeric(column, out var numbers) ? numbers : [];
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var numbers = byBatch[rows[i].BatchId];
            values[i] = rows[i].RowIndex < numbers.Length ? numbers[rows[i].RowIndex] : double.NaN;
        }
        return values;
    }

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

    private sealed record Row(int BatchId, int RowIndex, ExperimentArm Arm, double Predicted, double? Label);
}
