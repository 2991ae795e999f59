using System.Collections.Concurrent;
using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis;

/// <summary>What an audit needs of a model version's training data, so it never re-reads the file: per feature the
/// sorted finite numbers or exact category counts, and the model's predictions on that data (the reference of
/// prediction drift).</summary>
public sealed class ReferenceProfile
{
    public required int Rows { get; init; }
    public required Dictionary<string, double[]> SortedNumbers { get; init; }
    public required Dictionary<string, Dictionary<string, long>> CategoryCounts { get; init; }
    public double[] SortedPredictions { get; init; } = [];
    /// <summary>The model's predictions on the reference rows of each segment ("sex=female"), sorted: the reference of a
    /// segment's prediction drift. Empty for profiles saved before segments were measured.</summary>
    public Dictionary<string, double[]> SegmentPredictions { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Binary: the labelled rows performance is estimated against (the hold-out of a version trained in the
    /// app, else the labelled reference rows); null when there are none.</summary>
    public HoldoutSample? Holdout { get; init; }
    /// <summary>The PCA reconstruction of the numeric features and its reference errors (multivariate drift, novelty);
    /// null for fewer than two numeric features or profiles saved before it.</summary>
    public DataProductDashboard.Analysis.Multivariate.MultivariateReference? Multivariate { get; init; }

    // Filled lazily by audits that run columns in parallel.
    private readonly ConcurrentDictionary<string, NumericSample?> _numeric = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CategoryCounts?> _categories = new(StringComparer.Ordinal);

    /// <param name="holdout">The labelled rows performance is estimated against (<see cref="Holdout"/>).</param>
    public static ReferenceProfile Build(ProductSchema schema, ColumnTable data, ReadOnlySpan<float> predictions, HoldoutSample? holdout = null)
    {
        var numbers = new ConcurrentDictionary<string, double[]>(StringComparer.Ordinal);
        var categories = new ConcurrentDictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        // One sort or count per column, independent: use every core.
        Parallel.ForEach(schema.Columns.Where(c => c.IsFeature || c.IsSegment), column =>
        {
            if (data.TryGetNumeric(column.Name, out var values))
                numbers[column.Name] = NumericSample.From(values).Values;
            else if (data.TryGetStrings(column.Name, out var texts) && column.Kind == ColumnKind.Categorical)
                categories[column.Name] = new Dictionary<string, long>(Drift.CategoryCounts.From(texts).Counts, StringComparer.Ordinal);
        });
        var predicted = new double[predictions.Length];
        for (var i = 0; i < predictions.Length; i++)
            predicted[i] = predictions[i];
        var segments = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var attribute in Segments.SegmentAttributes.Of(schema))
        {
            if (!data.TryGetStrings(attribute, out var values) || values.Length != predicted.Length)
                continue;
            foreach (var group in Enumerable.Range(0, values.Length).GroupBy(i => string.IsNullOrEmpty(values[i]) ? Segments.SegmentAttributes.MissingValue : values[i]!))
                segments[Segments.SegmentAttributes.Name(attribute, group.Key)] = NumericSample.From([.. group.Select(i => predicted[i])]).Values;
        }
        return new ReferenceProfile
        {
            SegmentPredictions = segments,
            Multivariate = DataProductDashboard.Analysis.Multivariate.MultivariateReference.Build(schema, data),
            Rows = data.RowCount,
            SortedNumbers = new Dictionary<string, double[]>(numbers, StringComparer.Ordinal),
            CategoryCounts = new Dictionary<string, Dictionary<string, long>>(categories, StringComparer.Ordinal),
            SortedPredictions = NumericSample.From(predicted).Values,
            Holdout = holdout,
        };
    }

    /// <summary>A reference window of past batches: their samples' numeric values and outputs pooled, their category
    /// counts summed. What the window cannot give stays the training profile's (segments' predictions, the labelled
    /// hold-out, the multivariate reference); a feature no sample holds has no reference in the window, so it is not
    /// tested rather than tested against another population.</summary>
    public static ReferenceProfile FromSamples(ReferenceProfile training, IReadOnlyList<ReferenceSample> samples)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentOutOfRangeException.ThrowIfZero(samples.Count);
        var numbers = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var column in samples.SelectMany(s => s.Numbers.Keys).Distinct(StringComparer.Ordinal))
        {
            var pooled = NumericSample.From([.. samples.SelectMany(s => s.Numbers.GetValueOrDefault(column) ?? [])]).Values;
            if (pooled.Length > 0)
                numbers[column] = pooled;
        }
        var categories = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            foreach (var (column, counts) in sample.Categories)
            {
                var sum = categories.TryGetValue(column, out var existing) ? existing : categories[column] = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (var (value, count) in counts)
                    sum[value] = sum.GetValueOrDefault(value) + count;
            }
        }
        return new ReferenceProfile
        {
            Rows = samples.Sum(s => s.SampledRows),
            SortedNumbers = numbers,
            CategoryCounts = categories,
            SortedPredictions = NumericSample.From([.. samples.SelectMany(s => s.Predictions)]).Values,
            SegmentPredictions = training.SegmentPredictions,
            Holdout = training.Holdout,
            Multivariate = training.Multivariate,
        };
    }

    public NumericSample? Numeric(string column) => _numeric.GetOrAdd(column,
        name => SortedNumbers.TryGetValue(name, out var values) ? NumericSample.FromSorted(values) : null);

    public CategoryCounts? Categories(string column) => _categories.GetOrAdd(column,
        name => CategoryCounts.TryGetValue(name, out var raw) ? Drift.CategoryCounts.FromCounts(raw) : null);

    public NumericSample Predictions => _numeric.GetOrAdd("\0prediction", _ => NumericSample.FromSorted(SortedPredictions))!;
}
