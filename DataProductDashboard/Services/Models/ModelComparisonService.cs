using System.Globalization;
using DataProductDashboard.Analysis.Models;
using DataProductDashboard.Analysis.Statistics;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Scoring;
using DataProductDashboard.Services.Releases;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Models;

/// <summary>Compares model versions on exactly the same rows: the labelled rows of the product's latest labelled
/// production batches (read back from their stored files), scored by every version here and now, then
/// <see cref="ModelComparison"/> (intervals, paired tests, sentences, agreement).</summary>
public sealed class ModelComparisonService(IDbContextFactory<DashboardDbContext> dbFactory, ShadowScorer sample, ModelCache models,
    EvaluationSetService evaluationSets, ILogger<ModelComparisonService> logger)
{
    public const int DefaultBatches = 4;
    public const int MaxBatches = 50;
    public const int MaxVersions = 5;
    public const int MaxRows = 50_000;
    public const int DisagreementsShown = 20;

    /// <summary>Parses "1,2,3" (the query's <c>versions</c>): 2 to <see cref="MaxVersions"/> distinct positive numbers.</summary>
    public static IReadOnlyList<int> ParseVersions(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new InputValidationException("versions", "Name the versions to compare, e.g. versions=1,2 (two to five version numbers).");
        var numbers = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                throw new InputValidationException("versions", $"'{part}' is not a version number; give numbers such as versions=1,2.");
            if (numbers.Contains(n))
                throw new InputValidationException("versions", $"Version {n} is named twice.");
            numbers.Add(n);
        }
        if (numbers.Count is < 2 or > MaxVersions)
            throw new InputValidationException("versions", $"Compare two to {MaxVersions} versions ({numbers.Count} given).");
        return numbers;
    }

    /// <param name="baseline">The version the others are compared with (default: the champion when compared, else the
    /// first named).</param>
    /// <param name="batches">How many of the latest labelled batches give the rows (1 to <see cref="MaxBatches"/>).</param>
    public async Task<ModelComparisonView> CompareAsync(int productId, IReadOnlyList<int> versionNumbers, int? baseline, int batches, CancellationToken ct,
        ComparisonSource source = ComparisonSource.Production) =>
        (await RunAsync(productId, versionNumbers, baseline, batches, ct, source)).View;

    /// <summary>Parses the query's <c>source</c>: "production" (default) or "evaluation-set".</summary>
    public static ComparisonSource ParseSource(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "production" => ComparisonSource.Production,
        "evaluation-set" or "evaluationset" => ComparisonSource.EvaluationSet,
        _ => throw new InputValidationException("source", $"'{text}' is not a source of rows; use production (the latest labelled batches) or evaluation-set."),
    };

    /// <summary>Writes every row the versions disagree on (<see cref="RunAsync"/>'s list), most different first, as
    /// CSV: batch_id, row_key, label[, label_class], then per version v&lt;n&gt;_predicted[, v&lt;n&gt;_class,
    /// v&lt;n&gt;_probability].</summary>
    public static async Task WriteDisagreementsCsvAsync(ModelComparisonView view, IReadOnlyList<DisagreementRow> rows, Stream output, CancellationToken ct)
    {
        var binary = view.Task == TaskType.BinaryClassification;
        var header = new List<string> { "batch_id", "row_key", "label" };
        if (binary)
            header.Add("label_class");
        foreach (var v in view.Versions)
        {
            header.Add($"v{v.Number}_predicted");
            if (binary)
                header.AddRange([$"v{v.Number}_class", $"v{v.Number}_probability"]);
        }
        await Exports.CsvExport.WriteAsync(output, header, rows.ToAsyncEnumerable(), (csv, row) =>
        {
            csv.Number(row.BatchId).Text(row.RowKey).Number(row.Label);
            if (binary)
                csv.Text(row.LabelClass);
            foreach (var p in row.Predictions)
            {
                csv.Number(p.Predicted);
                if (binary)
                    csv.Text(p.PredictedClass).Number(p.Probability);
            }
        }, ct);
    }

    /// <summary>The comparison, and every row the versions disagree on (up to <see cref="ModelComparison.MaxDisagreements"/>).</summary>
    public async Task<(ModelComparisonView View, IReadOnlyList<DisagreementRow> Disagreements)> RunAsync(int productId, IReadOnlyList<int> versionNumbers,
        int? baseline, int batches, CancellationToken ct, ComparisonSource source = ComparisonSource.Production)
    {
        if (batches is < 1 or > MaxBatches)
            throw new InputValidationException("batches", $"{batches} is not a batch count from 1 to {MaxBatches}.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);
        var found = await db.ModelVersions.AsNoTracking().Where(v => v.ProductId == productId && versionNumbers.Contains(v.Number)).ToListAsync(ct);
        var missing = versionNumbers.Where(n => found.All(v => v.Number != n)).ToList();
        if (missing.Count > 0)
            throw new InputValidationException("versions", $"'{product.Name}' has no version {string.Join(" or ", missing.Select(n => $"v{n}"))}.");
        var versions = versionNumbers.Select(n => found.Single(v => v.Number == n)).ToList();
        var baselineNumber = baseline ?? (versions.FirstOrDefault(v => v.Id == product.ChampionVersionId) ?? versions[0]).Number;
        if (!versionNumbers.Contains(baselineNumber))
            throw new InputValidationException("baseline", $"The baseline v{baselineNumber} is not among the versions compared ({string.Join(", ", versionNumbers.Select(n => $"v{n}"))}).");

        EvaluationRows rows;
        if (source == ComparisonSource.EvaluationSet)
        {
            if (product.EvaluationSetHash is null)
                throw new ConflictException($"'{product.Name}' has no evaluation set: register a labelled CSV as its evaluation set first, or compare on production rows.");
            var (table, labels, keys) = await evaluationSets.LoadAsync(product, ct);
            rows = new EvaluationRows([table], [labels], [keys], [null], []);
        }
        else
        {
            var loaded = await sample.LoadAsync(db, product, batches, MaxRows, labelledOnly: true, ct);
            rows = new EvaluationRows(loaded.Tables, loaded.Labels, loaded.Keys, [.. loaded.Batches.Select(b => (int?)b.Id)],
                [.. loaded.Batches.Select((b, i) => new ComparedBatch(b.Id, b.ReceivedAt, loaded.Tables[i].RowCount, loaded.Labels[i].Count(v => !double.IsNaN(v))) { Number = b.Number })]);
        }
        var labelled = rows.Labels.Sum(l => l.Count(v => !double.IsNaN(v)));
        if (labelled == 0)
            throw new ConflictException(source == ComparisonSource.EvaluationSet
                ? $"The evaluation set of '{product.Name}' has no labelled row."
                : $"'{product.Name}' has no labelled production rows yet: versions are compared on the labelled rows of the latest {batches} labelled batches. Upload labels for a batch first.");

        var scoring = new Dictionary<string, IScoringModel>(StringComparer.Ordinal);
        foreach (var version in versions)
            scoring[version.FileHash] = await models.GetAsync(version.FileHash);
        var compared = await Task.Run(() => Compute(product, versions, scoring, baselineNumber, rows, labelled, ct), ct);
        return (compared.View with { Source = source, EvaluationSet = EvaluationSetInfo.Of(product) }, compared.Disagreements);
    }

    private (ModelComparisonView View, IReadOnlyList<DisagreementRow> Disagreements) Compute(Data.Entities.DataProduct product, List<Data.Entities.ModelVersion> versions,
        IReadOnlyDictionary<string, IScoringModel> scoring, int baseline,
        EvaluationRows rows, int labelled, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // Where each labelled row is: (table, row).
        var at = new List<(int Table, int Row)>(labelled);
        var labels = new double[labelled];
        for (var t = 0; t < rows.Tables.Count; t++)
        {
            for (var r = 0; r < rows.Labels[t].Length; r++)
            {
                if (!double.IsNaN(rows.Labels[t][r]))
                {
                    labels[at.Count] = rows.Labels[t][r];
                    at.Add((t, r));
                }
            }
        }
        var predictions = new List<VersionPredictions>();
        var described = new List<ComparedVersion>();
        foreach (var version in versions)
        {
            var model = scoring[version.FileHash];
            var predicted = new double[labelled];
            double[]? probability = product.Task == TaskType.BinaryClassification ? new double[labelled] : null;
            var latencies = new List<float>();
            var results = rows.Tables.Select(table => ModelScorer.Score(model, table, product.Schema, product.Task, null, ct)).ToList();
            for (var i = 0; i < at.Count; i++)
            {
                var scored = results[at[i].Table];
                predicted[i] = scored.Predicted[at[i].Row];
                if (probability is not null)
                {
                    if (scored.Probability is { } p)
                        probability[i] = p[at[i].Row];
                    else
                        probability = null;
                }
            }
            foreach (var scored in results)
            {
                if (scored.RowLatencyMicros is { } perRow)
                    latencies.AddRange(perRow.Where(float.IsFinite));
            }
            var (p50, p95) = latencies.Count > 0
                ? (PairedBootstrap.Quantile(latencies.Select(l => (double)l), 0.5), PairedBootstrap.Quantile(latencies.Select(l => (double)l), 0.95))
                : (Median(results.Select(r => r.LatencyMicros.P50)), Median(results.Select(r => r.LatencyMicros.P95)));
            predictions.Add(new(version.Number, predicted, probability));
            described.Add(new(version.Number, version.Source, version.Trainer, version.Status, version.CreatedAt, version.PromotedAt, version.TrainingRows,
                version.HoldoutRows, version.TrainingSeconds, version.FileSizeBytes, version.FileHash, version.ReferenceFileHash, version.HoldoutMetrics,
                version.Notes, p50, p95)
            { Parameters = version.Parameters, Features = version.Features, TrainingFrom = version.TrainingFrom, TrainingTo = version.TrainingTo });
        }
        var result = ModelComparison.Compare(product.Task, labels, predictions, baseline, ct: ct);
        var names = ClassNames.For(product.Task, product.Schema);
        var classes = ClassNames.Multiclass(product.Schema);
        string? ClassOf(double value) => product.Task == TaskType.MulticlassClassification ? LabelCodes.Name(value, classes) : names?.Of(value);
        DisagreementRow Row(int index)
        {
            var (table, row) = at[index];
            return new(rows.BatchIds[table], rows.Keys[table][row], labels[index], ClassOf(labels[index]),
                [.. predictions.Select(p => new RowPrediction(p.Version, p.Predicted[index], ClassOf(p.Predicted[index]), p.Probability?[index]))]);
        }
        var disagreements = result.Disagreements.Select(Row).ToList();
        logger.LogInformation("Compared versions {Versions} of product {ProductId} on {Rows} rows in {Milliseconds:F0} ms",
            string.Join(",", versions.Select(v => v.Number)), product.Id, labelled, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var diagnostics = predictions.Select(p => new VersionDiagnostics(p.Version,
            product.Task == TaskType.BinaryClassification && p.Probability is { } probability ? Analysis.Models.Diagnostics.Binary(labels, p.Predicted, probability) : null,
            product.Task == TaskType.Regression ? Analysis.Models.Diagnostics.Regression(labels, p.Predicted) : null)
        {
            Multiclass = product.Task == TaskType.MulticlassClassification
                ? Analysis.Metrics.ClassificationMetrics.Multiclass([.. labels.Select(l => ClassOf(l) ?? "?")], [.. p.Predicted.Select(v => ClassOf(v) ?? "?")], classes)
                : null,
        }).ToList();
        var view = new ModelComparisonView(product.Id, product.Task, labelled, baseline, result.Resamples, result.Seed,
            rows.Batches,
            described, result.Metrics, result.Agreement, [.. disagreements.Take(DisagreementsShown)], result.DisagreementCount)
        {
            Diagnostics = diagnostics,
            Importance = Importance(product, versions, scoring, rows, at, labels, predictions, ct),
            SampledFeatures = diagnostics.FirstOrDefault()?.Regression is { } sampled ? SampledFeatures(product.Schema, rows, at, sampled.Rows) : new Dictionary<string, double[]>(),
            Fairness = FairnessOf(product, rows, at, labels, predictions),
        };
        return (view, disagreements);
    }

    /// <summary>Binary: each version's fairness across each segment attribute's groups on the compared rows.</summary>
    private static List<ComparedFairness> FairnessOf(Data.Entities.DataProduct product, EvaluationRows rows, List<(int Table, int Row)> at, double[] labels,
        List<VersionPredictions> predictions)
    {
        var compared = new List<ComparedFairness>();
        if (product.Task != TaskType.BinaryClassification)
            return compared;
        var positive = ClassNames.For(product.Schema).Positive;
        foreach (var attribute in Analysis.Segments.SegmentAttributes.Of(product.Schema))
        {
            var columns = rows.Tables.Select(t => t.TryGetStrings(attribute, out var values) ? values : null).ToArray();
            var groups = at.Select(p => columns[p.Table]?[p.Row] is { Length: > 0 } v ? v : Analysis.Segments.SegmentAttributes.MissingValue).ToArray();
            foreach (var version in predictions)
            {
                var counts = new Dictionary<string, Analysis.Fairness.GroupConfusion>(StringComparer.Ordinal);
                for (var i = 0; i < labels.Length; i++)
                    counts[groups[i]] = counts.GetValueOrDefault(groups[i]).Add(version.Predicted[i] == 1, labels[i] == 1);
                var result = Analysis.Fairness.FairnessAnalyzer.Analyze(attribute, [.. counts.Select(c => (c.Key, c.Value))]);
                compared.Add(new ComparedFairness(attribute, version.Version, result.Metrics, Analysis.Fairness.FairnessAnalyzer.Sentence(result, positive)));
            }
        }
        return compared;
    }

    private static double Median(IEnumerable<double> values) => PairedBootstrap.Quantile(values, 0.5);

    /// <summary>Permutation importance on the compared rows (a fixed-seed sample of at most
    /// <see cref="PermutationImportance.MaxRows"/>).</summary>
    private static IReadOnlyList<FeatureImportance> Importance(Data.Entities.DataProduct product, List<Data.Entities.ModelVersion> versions,
        IReadOnlyDictionary<string, IScoringModel> scoring, EvaluationRows rows,
        List<(int Table, int Row)> at, double[] labels, IReadOnlyList<VersionPredictions> predictions, CancellationToken ct)
    {
        var picked = Enumerable.Range(0, at.Count).ToArray();
        if (picked.Length > PermutationImportance.MaxRows)
        {
            new Random(PairedBootstrap.DefaultSeed).Shuffle(picked);
            picked = [.. picked.Take(PermutationImportance.MaxRows).Order()];
        }
        // The sample table holds the picked rows table by table; labels and predictions follow the same order.
        var byTable = picked.GroupBy(i => at[i].Table).OrderBy(g => g.Key).ToList();
        var sample = ColumnTable.Concat([.. byTable.Select(g => (rows.Tables[g.Key], (IReadOnlyList<int>)[.. g.Select(i => at[i].Row)]))]);
        var order = byTable.SelectMany(g => g).ToArray();
        var unshuffled = predictions.Select(p => new VersionPredictions(p.Version, [.. order.Select(i => p.Predicted[i])],
            p.Probability is { } probability ? [.. order.Select(i => probability[i])] : null)).ToList();
        return PermutationImportance.Compute(product.Schema, product.Task, [.. versions.Select(v => (v.Number, scoring[v.FileHash]))], unshuffled, sample,
            [.. order.Select(i => labels[i])], PairedBootstrap.DefaultSeed, ct);
    }

    /// <summary>Each numeric feature's values on the sampled compared rows (<paramref name="sample"/> indexes <paramref name="at"/>).</summary>
    private static Dictionary<string, double[]> SampledFeatures(ProductSchema schema, EvaluationRows rows, List<(int Table, int Row)> at, int[] sample)
    {
        var features = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var column in schema.Features.Where(c => c.Kind == ColumnKind.Numeric))
        {
            var values = new double[sample.Length];
            var complete = true;
            for (var k = 0; k < sample.Length && complete; k++)
            {
                var (table, row) = at[sample[k]];
                complete = rows.Tables[table].TryGetNumeric(column.Name, out var numbers);
                values[k] = complete ? numbers[row] : double.NaN;
            }
            if (complete)
                features[column.Name] = values;
        }
        return features;
    }

    /// <summary>The rows compared: one table per batch (or the evaluation set), its labels, keys and batch id.</summary>
    private sealed record EvaluationRows(IReadOnlyList<ColumnTable> Tables, IReadOnlyList<double[]> Labels, IReadOnlyList<string[]> Keys,
        IReadOnlyList<int?> BatchIds, IReadOnlyList<ComparedBatch> Batches);
}

/// <summary>Where the compared rows come from.</summary>
public enum ComparisonSource
{
    /// <summary>The labelled rows of the latest labelled production batches.</summary>
    Production,

    /// <summary>The product's evaluation set (<see cref="EvaluationSetService"/>).</summary>
    EvaluationSet,
}
