using System.Globalization;
using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Analysis.Statistics;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Segments;

/// <summary>A slice of the rows (one or two feature conditions) where the error is worse than in the rest.</summary>
/// <param name="Conditions">"hr in [17, 20)", "weathersit = 3".</param>
/// <param name="Effect">Mean error in the slice minus mean error in the rest (positive: worse).</param>
/// <param name="PValue">Welch's t-test of the slice's per-row errors against the rest's; <see cref="AdjustedPValue"/>
/// is Holm-adjusted over every slice tested.</param>
public sealed record WeakSlice(IReadOnlyList<string> Conditions, int Rows, double Share, double SliceError, double RestError, double Effect,
    double PValue, double AdjustedPValue)
{
    public string Description => string.Join(" and ", Conditions);
}

/// <summary>Finds where a model fails: every slice of one condition (a categorical feature's value, or a numeric
/// feature's quantile bin — quintiles, fewer when values repeat) and of two conditions on different features (among the
/// <see cref="PairCandidates"/> worst single slices), holding at least <see cref="MinShare"/> of the rows, is compared
/// with the rest of the rows by its mean per-row error (binary: 1 when wrong; regression: the absolute error; for two
/// versions: one's error minus the other's) with Welch's t-test; the slices are ranked by effect, and those whose
/// Holm-adjusted p-value is below 0.05 are kept.</summary>
public static class WeakSlices
{
    public const double MinShare = 0.05;
    public const int Bins = 5;
    public const int PairCandidates = 12;
    public const int MaxReported = 10;
    public const double Alpha = 0.05;

    public static IReadOnlyList<WeakSlice> Find(ColumnTable rows, IReadOnlyList<ColumnSpec> features, IReadOnlyList<double> errors, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (errors.Count != rows.RowCount)
            throw new ArgumentException($"{errors.Count} errors for {rows.RowCount} rows.", nameof(errors));
        var n = rows.RowCount;
        var minRows = Math.Max(2, (int)Math.Ceiling(MinShare * n));
        var singles = features.SelectMany(f => Conditions(rows, f)).Where(c => c.Rows.Length >= minRows && c.Rows.Length <= n - 2).ToList();
        var tested = singles.Select(c => Test([c.Text], c.Rows, errors)).OfType<(WeakSlice Slice, int[] Rows)>().ToList();
        var worst = tested.Where(t => t.Slice.Effect > 0).OrderByDescending(t => t.Slice.Effect).Take(PairCandidates)
            .Select(t => (Text: t.Slice.Conditions[0], t.Rows, Feature: FeatureOf(t.Slice.Conditions[0]))).ToList();
        for (var i = 0; i < worst.Count; i++)
        {
            for (var j = i + 1; j < worst.Count; j++)
            {
                ct.ThrowIfCancellationRequested();
                if (worst[i].Feature == worst[j].Feature)
                    continue;
                var both = worst[i].Rows.Intersect(worst[j].Rows).ToArray();
                if (both.Length >= minRows && both.Length <= n - 2 && Test([worst[i].Text, worst[j].Text], both, errors) is { } pair)
                    tested.Add(pair);
            }
        }
        var adjusted = AbTests.Holm([.. tested.Select(t => t.Slice.PValue)]);
        return tested.Select((t, i) => t.Slice with { AdjustedPValue = adjusted[i] })
            .Where(s => s.Effect > 0 && s.AdjustedPValue < Alpha)
            .OrderByDescending(s => s.Effect).ThenBy(s => s.Conditions.Count)
            .Take(MaxReported).ToList();
    }

    private static string FeatureOf(string condition) => condition[..condition.IndexOf(' ', StringComparison.Ordinal)];

    private static (WeakSlice Slice, int[] Rows)? Test(IReadOnlyList<string> conditions, int[] slice, IReadOnlyList<double> errors)
    {
        var inside = new bool[errors.Count];
        foreach (var r in slice)
            inside[r] = true;
        var (sliceErrors, restErrors) = (new List<double>(slice.Length), new List<double>(errors.Count - slice.Length));
        for (var r = 0; r < errors.Count; r++)
        {
            if (!double.IsFinite(errors[r]))
                continue;
            (inside[r] ? sliceErrors : restErrors).Add(errors[r]);
        }
        if (sliceErrors.Count < 2 || restErrors.Count < 2)
            return null;
        var (a, b) = (Moments.Of(restErrors), Moments.Of(sliceErrors));
        var p = a.Variance is > 0 || b.Variance is > 0 ? AbTests.Welch("error", a, b, Alpha).PValue : a.Mean == b.Mean ? 1 : 0;
        return (new WeakSlice(conditions, sliceErrors.Count, (double)sliceErrors.Count / errors.Count, b.Mean, a.Mean, b.Mean - a.Mean,
            double.IsNaN(p) ? 1 : p, double.NaN), slice);
    }

    /// <summary>The single conditions a feature offers: each category, or each quantile bin of its numbers.</summary>
    private static IEnumerable<(string Text, int[] Rows)> Conditions(ColumnTable rows, ColumnSpec feature)
    {
        if (rows.TryGetNumeric(feature.Name, out var numbers))
        {
            var finite = numbers.Where(double.IsFinite).Order().ToArray();
            if (finite.Length == 0)
                yield break;
            var edges = Enumerable.Range(1, Bins - 1).Select(k => Statistics.PairedBootstrap.Quantile(finite, (double)k / Bins)).Distinct().ToList();
            var bounds = new List<double> { finite[0] };
            bounds.AddRange(edges.Where(e => e > finite[0] && e <= finite[^1]));
            bounds.Add(double.PositiveInfinity);
            bounds = [.. bounds.Distinct()];
            for (var b = 0; b + 1 < bounds.Count; b++)
            {
                var (low, high) = (bounds[b], bounds[b + 1]);
                var picked = Enumerable.Range(0, numbers.Length).Where(i => numbers[i] >= low && numbers[i] < high).ToArray();
                var text = double.IsPositiveInfinity(high) ? $"{feature.Name} ≥ {F(low)}" : b == 0 ? $"{feature.Name} < {F(high)}" : $"{feature.Name} in [{F(low)}, {F(high)})";
                yield return (text, picked);
            }
        }
        else if (rows.TryGetStrings(feature.Name, out var texts) && feature.Kind == ColumnKind.Categorical)
        {
            foreach (var group in Enumerable.Range(0, texts.Length).Where(i => texts[i] is not null).GroupBy(i => texts[i]!, StringComparer.Ordinal))
                yield return ($"{feature.Name} = {group.Key}", group.ToArray());
        }
    }


    private static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
