using DataProductDashboard.Analysis.Models;
using DataProductDashboard.Domain;
using DataProductDashboard.Scoring;
using Microsoft.ML;

namespace DataProductDashboard.Services.Models;

/// <summary>Permutation feature importance on the compared rows: each feature column's values are shuffled (a fixed
/// seed per column, the same shuffle for every version, so versions are compared on the same perturbation) and the
/// rows re-scored; a feature's importance is how much the headline metric gets worse — ROC AUC (accuracy without
/// probabilities) for a classifier, MAE for regression. Per column of the schema, not per one-hot slot: a data scientist
/// asks about the column.</summary>
public static class PermutationImportance
{
    /// <summary>Rows permuted at the most (a fixed-seed sample of the compared rows beyond it).</summary>
    public const int MaxRows = 5_000;

    /// <param name="unshuffled">Each version's predictions on <paramref name="rows"/> as they are (already scored by the
    /// comparison), in the order of <paramref name="versions"/>.</param>
    public static IReadOnlyList<FeatureImportance> Compute(ProductSchema schema, TaskType task, IReadOnlyList<(int Version, IScoringModel Model)> versions,
        IReadOnlyList<VersionPredictions> unshuffled, ColumnTable rows, double[] labels, int seed, CancellationToken ct)
    {
        var (metric, lowerIsBetter) = task switch
        {
            TaskType.Regression => ("mae", true),
            TaskType.MulticlassClassification => ("accuracy", false),
            _ => ("roc_auc", false),
        };
        var used = metric;
        double Measure(IScoringModel model, ColumnTable table)
        {
            var scored = ModelScorer.Score(model, table, schema, task, null, ct);
            return MetricOf([.. scored.Predicted.Select(v => (double)v)], scored.Probability?.Select(v => (double)v).ToArray());
        }

        double MetricOf(double[] predicted, double[]? probability)
        {
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            var weights = WeightedMetricsOnes(labels.Length);
            var metrics = new WeightedMetrics(labels, predicted, probability);
            if (task == TaskType.Regression)
                metrics.Regression(weights, values);
            else if (task == TaskType.MulticlassClassification)
                metrics.Multiclass(weights, values);
            else
                metrics.Binary(weights, values);
            if (values.TryGetValue(metric, out var value))
                return value;
            used = "accuracy";
            return values["accuracy"];
        }

        var baseline = unshuffled.Select(v => MetricOf(v.Predicted, v.Probability)).ToArray();
        var result = new List<FeatureImportance>();
        var columns = schema.Features.Where(c => rows.Contains(c.Name)).ToList();
        for (var c = 0; c < columns.Count; c++)
        {
            ct.ThrowIfCancellationRequested();
            var permutation = Enumerable.Range(0, rows.RowCount).ToArray();
            new Random(unchecked(seed + (c * 7919))).Shuffle(permutation);
            var permuted = rows.WithPermuted(columns[c].Name, permutation);
            var drops = versions.Select((v, i) =>
            {
                var value = Measure(v.Model, permuted);
                return new VersionImportance(v.Version, lowerIsBetter ? value - baseline[i] : baseline[i] - value);
            }).ToList();
            result.Add(new FeatureImportance(columns[c].Name, used, drops));
        }
        return [.. result.OrderByDescending(f => f.Versions.Max(v => v.Drop))];
    }

    private static int[] WeightedMetricsOnes(int rows) => WeightedMetrics.Ones(rows);
}

/// <param name="Metric">The metric the drop is measured in: roc_auc (or accuracy) for a classifier, mae for regression.</param>
public sealed record FeatureImportance(string Feature, string Metric, IReadOnlyList<VersionImportance> Versions);

/// <param name="Drop">How much worse the metric gets when the feature is shuffled (above 0: the version uses it).</param>
public sealed record VersionImportance(int Version, double Drop);
