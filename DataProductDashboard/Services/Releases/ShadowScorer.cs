using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Analysis.Fairness;
using DataProductDashboard.Analysis.Performance;
using DataProductDashboard.Analysis.Segments;
using DataProductDashboard.Services.Fairness;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Scoring;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Releases;

/// <summary>Re-scores the product's latest production batches (read back from their stored files) with a model
/// version, and measures it on the rows whose labels have arrived: "shadow.*" performance and p95 latency.</summary>
public sealed class ShadowScorer(ContentStore store, ModelCache models)
{
    public const int Batches = 4;
    public const int MaxRows = 50_000;

    /// <param name="Keys">Each row's key: the row-key column, or "batch:row" for a product without one.</param>
    public sealed record Sample(IReadOnlyList<Batch> Batches, IReadOnlyList<ColumnTable> Tables, IReadOnlyList<double[]> Labels)
    {
        public IReadOnlyList<string[]> Keys { get; init; } = [];

        public int Rows => Tables.Sum(t => t.RowCount);
    }

    /// <summary>The latest labelled batches (or, when none has labels, the latest batches, for latency only), at most
    /// <see cref="MaxRows"/> rows in all.</summary>
    public Task<Sample> LoadAsync(DashboardDbContext db, DataProduct product, CancellationToken ct) =>
        LoadAsync(db, product, Batches, MaxRows, labelledOnly: false, ct);

    /// <summary>The latest <paramref name="batchCount"/> batches whose rows are still stored, labelled ones first (only
    /// labelled ones with <paramref name="labelledOnly"/>), read back from their files with their labels, as long as
    /// they hold at most <paramref name="maxRows"/> rows in all (the first batch always).</summary>
    public async Task<Sample> LoadAsync(DashboardDbContext db, DataProduct product, int batchCount, int maxRows, bool labelledOnly, CancellationToken ct)
    {
        var query = db.Batches.AsNoTracking().Where(b => b.ProductId == product.Id && b.Status == BatchStatus.Analyzed && b.RowsPurgedAt == null);
        if (labelledOnly)
            query = query.Where(b => b.LabelledRows > 0);
        var candidates = await query.OrderByDescending(b => b.LabelledRows > 0).ThenByDescending(b => b.ReceivedAt).ThenByDescending(b => b.Id)
            .Take(batchCount).ToListAsync(ct);
        var batches = new List<Batch>();
        var tables = new List<ColumnTable>();
        var labels = new List<double[]>();
        var keys = new List<string[]>();
        var rows = 0;
        var zone = Domain.ProductTimeZone.Of(product.TimeZone);
        foreach (var batch in candidates)
        {
            if (rows > 0 && rows + batch.RowCount > maxRows)
                break;
            if (await store.LocalCopyAsync(ContentStore.Batches, batch.FileHash, ".csv", ct) is not { } path)
                continue;
            var parsed = await Task.Run(() => CsvBatchReader.ReadFile(path, batch.FileName, product.Schema, CsvReadMode.Batch, zone, ct), ct);
            var label = new double[parsed.RowCount];
            Array.Fill(label, double.NaN);
            foreach (var p in await db.Predictions.AsNoTracking().Where(p => p.BatchId == batch.Id && p.Label != null)
                .Select(p => new { p.RowIndex, p.Label }).ToListAsync(ct))
            {
                if (p.RowIndex < label.Length)
                    label[p.RowIndex] = p.Label!.Value;
            }
            batches.Add(batch);
            tables.Add(parsed.Table);
            labels.Add(label);
            keys.Add(parsed.HasKeyColumn ? parsed.RowKeys : [.. Enumerable.Range(1, parsed.RowCount).Select(r => DataProductDashboard.Services.Batches.GeneratedKeys.Of(batch.Id, r))]);
            rows += parsed.RowCount;
        }
        return new Sample(batches, tables, labels) { Keys = keys };
    }

    /// <summary>The version's shadow metrics on the sample: "shadow.&lt;metric&gt;" on the labelled rows, the median of
    /// the batches' p95 latency, and the labelled row count.</summary>
    public async Task<Dictionary<string, double>> MeasureAsync(ModelVersion version, DataProduct product, Sample sample, CancellationToken ct)
    {
        var model = await models.GetAsync(version.FileHash);
        var labels = new List<double>();
        var predicted = new List<double>();
        var scores = new List<double>();
        var attributes = SegmentAttributes.Of(product.Schema);
        var segments = attributes.Select(_ => new List<string>()).ToArray();
        var p95 = new List<double>();
        var allScored = true;
        for (var i = 0; i < sample.Tables.Count; i++)
        {
            var result = ModelScorer.Score(model, sample.Tables[i], product.Schema, product.Task, null, ct);
            p95.Add(result.LatencyMicros.P95);
            var columns = attributes.Select(a => sample.Tables[i].TryGetStrings(a, out var values) ? values : null).ToArray();
            for (var r = 0; r < result.Predicted.Length; r++)
            {
                if (double.IsNaN(sample.Labels[i][r]))
                    continue;
                labels.Add(sample.Labels[i][r]);
                predicted.Add(result.Predicted[r]);
                for (var a = 0; a < attributes.Count; a++)
                    segments[a].Add(columns[a]?[r] is { Length: > 0 } value ? value : SegmentAttributes.MissingValue);
                if (result.Probability is { } probability)
                    scores.Add(probability[r]);
                else
                    allScored = false;
            }
        }
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal) { [MetricCatalog.ShadowLabelledRows] = labels.Count };
        if (p95.Count > 0)
            metrics[MetricCatalog.ShadowLatencyP95] = Median(p95);
        if (labels.Count == 0)
            return metrics;
        var rows = (labels.ToArray(), predicted.ToArray(), allScored ? scores.ToArray() : null);
        var performance = PerformanceService.Compute(product.Task, rows, [rows], version.HoldoutMetrics, ClassNames.Multiclass(product.Schema));
        foreach (var (key, value) in PerformancePoints.Flatten(performance))
        {
            if (key.StartsWith(PerformancePoints.Prefix, StringComparison.Ordinal) && key != PerformancePoints.LabelledRows && double.IsFinite(value))
                metrics[MetricCatalog.ShadowPrefix + key[PerformancePoints.Prefix.Length..]] = value;
        }
        for (var a = 0; a < attributes.Count; a++)
        {
            foreach (var (key, value) in SegmentMetrics(attributes[a], segments[a], rows, version, product))
                metrics[key] = value;
        }
        return metrics;
    }

    /// <summary>Per value of a segment attribute, the shadow performance metrics of its labelled rows
    /// ("shadow.accuracy{sex=female}"), and for a binary model the fairness metrics across its values
    /// ("shadow.fairness.disparate_impact['sex']", over the labelled rows, groups of at least
    /// <see cref="FairnessAnalyzer.DefaultMinSupport"/> rows). Keys are <see cref="MetricAddress"/> texts.</summary>
    private static IEnumerable<(string Key, double Value)> SegmentMetrics(string attribute, List<string> values,
        (double[] Label, double[] Predicted, double[]? Score) rows, ModelVersion version, DataProduct product)
    {
        var groups = Enumerable.Range(0, values.Count).GroupBy(i => values[i], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var group in groups)
        {
            var picked = group.ToArray();
            var part = (picked.Select(i => rows.Label[i]).ToArray(), picked.Select(i => rows.Predicted[i]).ToArray(),
                rows.Score is { } score ? picked.Select(i => score[i]).ToArray() : null);
            var performance = PerformanceService.Compute(product.Task, part, [part], new Dictionary<string, double>(), ClassNames.Multiclass(product.Schema));
            foreach (var (key, value) in PerformancePoints.Flatten(performance))
            {
                if (key.StartsWith(PerformancePoints.Prefix, StringComparison.Ordinal) && key != PerformancePoints.LabelledRows && double.IsFinite(value))
                    yield return (new MetricAddress(MetricCatalog.ShadowPrefix + key[PerformancePoints.Prefix.Length..], null, SegmentAttributes.Name(attribute, group.Key)).ToString(), value);
            }
        }
        if (product.Task != TaskType.BinaryClassification)
            yield break;
        var judged = groups.Where(g => g.Count() >= FairnessAnalyzer.DefaultMinSupport)
            .Select(g => g.Aggregate(new GroupConfusion(), (c, i) => c.Add(rows.Predicted[i] == 1, rows.Label[i] == 1))).ToList();
        foreach (var (name, value) in FairnessMetrics.Compute(judged))
        {
            if (double.IsFinite(value))
                yield return (new MetricAddress(MetricCatalog.ShadowPrefix + FairnessHistory.Keys[name], attribute).ToString(), value);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
