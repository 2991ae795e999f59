using System.Globalization;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Coverage;

/// <summary>The population a model learned from, column by column, from its reference profile: each numeric feature's
/// training range [min, max] and each categorical feature's categories seen in training. A value is covered when it
/// lies inside; a missing value is not judged (the quality audit counts those). Features the reference has no values
/// of are not judged either.</summary>
public sealed class CoverageRules
{
    private readonly List<Rule> _rules;

    public CoverageRules(ProductSchema schema, ReferenceProfile reference)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(reference);
        _rules = [];
        foreach (var column in schema.Features)
        {
            if (reference.Numeric(column.Name) is { Count: > 0 } numbers)
                _rules.Add(new Rule(column.Name, numbers.Values[0], numbers.Values[^1], null));
            else if (reference.CategoryCounts.TryGetValue(column.Name, out var counts) && counts.Count > 0)
                _rules.Add(new Rule(column.Name, double.NaN, double.NaN, counts.Keys.ToHashSet(StringComparer.Ordinal)));
        }
    }

    /// <summary>The judged features, in schema order.</summary>
    public IReadOnlyList<string> Columns => [.. _rules.Select(r => r.Column)];

    /// <summary>For each judged feature, which rows of the chunk hold a value outside the population (false where
    /// covered or missing); a feature absent from the chunk gives null.</summary>
    public bool[]?[] Outside(ColumnTable chunk)
    {
        var outside = new bool[]?[_rules.Count];
        for (var c = 0; c < _rules.Count; c++)
        {
            var rule = _rules[c];
            if (rule.Known is null && chunk.TryGetNumeric(rule.Column, out var numbers))
            {
                var flags = new bool[chunk.RowCount];
                for (var r = 0; r < flags.Length; r++)
                    flags[r] = double.IsFinite(numbers[r]) && (numbers[r] < rule.Min || numbers[r] > rule.Max);
                outside[c] = flags;
            }
            else if (rule.Known is { } known && chunk.TryGetStrings(rule.Column, out var texts))
            {
                var flags = new bool[chunk.RowCount];
                for (var r = 0; r < flags.Length; r++)
                    flags[r] = texts[r] is { } t && !known.Contains(t);
                outside[c] = flags;
            }
        }
        return outside;
    }

    /// <summary>Why row <paramref name="row"/> of the chunk is outside: "temp 1.31 above the training maximum 1",
    /// "weather 'hail' never seen in training"; empty when it is covered.</summary>
    public IReadOnlyList<string> Reasons(ColumnTable chunk, int row)
    {
        var reasons = new List<string>();
        foreach (var rule in _rules)
        {
            if (rule.Known is null && chunk.TryGetNumeric(rule.Column, out var numbers) && double.IsFinite(numbers[row]))
            {
                var v = numbers[row];
                if (v < rule.Min)
                    reasons.Add($"{rule.Column} {F(v)} below the training minimum {F(rule.Min)}");
                else if (v > rule.Max)
                    reasons.Add($"{rule.Column} {F(v)} above the training maximum {F(rule.Max)}");
            }
            else if (rule.Known is { } known && chunk.TryGetStrings(rule.Column, out var texts) && texts[row] is { } t && !known.Contains(t))
            {
                reasons.Add($"{rule.Column} '{t}' never seen in training");
            }
        }
        return reasons;
    }

    private static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private sealed record Rule(string Column, double Min, double Max, HashSet<string>? Known);
}
