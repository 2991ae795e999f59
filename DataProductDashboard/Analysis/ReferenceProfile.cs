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

    private readonly Dictionary<string, NumericSample> _numeric = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CategoryCounts> _categories = new(StringComparer.Ordinal);

    public static ReferenceProfile Build(ProductSchema schema, ColumnTable data, ReadOnlySpan<float> predictions)
    {
        var numbers = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var categories = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (var column in schema.Columns.Where(c => c.IsFeature || c.IsSegment))
        {
            if (data.TryGetNumeric(column.Name, out var values))
                numbers[column.Name] = NumericSample.From(values).Values;
            else if (data.TryGetStrings(column.Name, out var texts) && column.Kind == ColumnKind.Categorical)
                categories[column.Name] = new Dictionary<string, long>(Drift.CategoryCounts.From(texts).Counts, StringComparer.Ordinal);
        }
        var predicted = new double[predictions.Length];
        for (var i = 0; i < predictions.Length; i++)
            predicted[i] = predictions[i];
        return new ReferenceProfile
        {
            Rows = data.RowCount,
            SortedNumbers = numbers,
            CategoryCounts = categories,
            SortedPredictions = NumericSample.From(predicted).Values,
        };
    }

    public NumericSample? Numeric(string column)
    {
        if (_numeric.TryGetValue(column, out var sample))
            return sample;
        if (!SortedNumbers.TryGetValue(column, out var values))
            return null;
        return _numeric[column] = NumericSample.From(values);
    }

    public CategoryCounts? Categories(string column)
    {
        if (_categories.TryGetValue(column, out var counts))
            return counts;
        if (!CategoryCounts.TryGetValue(column, out var raw))
            return null;
        return _categories[column] = Drift.CategoryCounts.FromCounts(raw);
    }

    public NumericSample Predictions => Numeric("__prediction") ?? (_numeric["__prediction"] = NumericSample.From(SortedPredictions));
}
