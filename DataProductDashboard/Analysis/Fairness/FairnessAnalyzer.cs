using System.Globalization;
using MathNet.Numerics.Distributions;

namespace DataProductDashboard.Analysis.Fairness;

/// <summary>One group's rates; <see cref="Judged"/> is false for a group below the minimum support ("too few rows to
/// judge"): it is listed with its rates but left out of the metrics across groups.</summary>
public sealed record FairnessGroup(string Group, long Support, bool Judged, double SelectionRate, double TruePositiveRate,
    double FalsePositiveRate, double Precision, double Accuracy, double DisparateImpact);

/// <summary>A metric across groups with its 95 % percentile-bootstrap interval (NaN when it cannot be computed).</summary>
public sealed record FairnessMetric(string Name, double Value, double CiLow, double CiHigh);

/// <summary>The fairness of a binary model's labelled rows across the groups of one attribute (or of two crossed).</summary>
public sealed record FairnessResult(string Attribute, long Rows, int MinSupport, IReadOnlyList<FairnessGroup> Groups,
    IReadOnlyList<FairnessMetric> Metrics, int Resamples, int Seed)
{
    public FairnessMetric? Metric(string name) => Metrics.FirstOrDefault(m => m.Name == name);
}

/// <summary>Per-group rates, the metrics across groups and their bootstrap intervals, from the groups' confusion
/// counts (a page never reads rows). The bootstrap is the Poisson bootstrap (each labelled row weighted by an
/// independent Poisson(1) draw, so each confusion cell's resampled count is one Poisson draw with the cell's count as
/// its mean; for more than a few hundred rows it matches resampling the rows with replacement), with a fixed seed:
/// the same counts always give the same intervals.</summary>
public static class FairnessAnalyzer
{
    public const int DefaultMinSupport = 30;
    public const int DefaultResamples = 1000;
    public const int DefaultSeed = 20_261_207;

    public static FairnessResult Analyze(string attribute, IReadOnlyList<(string Group, GroupConfusion Counts)> groups,
        int minSupport = DefaultMinSupport, int resamples = DefaultResamples, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 0);
        var ordered = groups.OrderBy(g => g.Group, StringComparer.Ordinal).ToList();
        var judgedIndex = Enumerable.Range(0, ordered.Count).Where(i => ordered[i].Counts.Support >= minSupport).ToArray();
        var judged = judgedIndex.Select(i => ordered[i].Counts).ToList();
        var values = FairnessMetrics.Compute(judged);
        var intervals = Bootstrap(ordered.Select(g => g.Counts).ToList(), judgedIndex, resamples, seed);
        var rows = ordered.Sum(g => g.Counts.Support);
        return new FairnessResult(attribute, rows, minSupport,
            ordered.Select(g => new FairnessGroup(g.Group, g.Counts.Support, g.Counts.Support >= minSupport, g.Counts.SelectionRate,
                g.Counts.TruePositiveRate, g.Counts.FalsePositiveRate, g.Counts.Precision, g.Counts.Accuracy,
                FairnessMetrics.DisparateImpactOf(g.Counts, judged))).ToList(),
            FairnessMetrics.Names.Select(n => new FairnessMetric(n, values[n], intervals[n].Low, intervals[n].High)).ToList(), resamples, seed);
    }

    /// <summary>"female × 25-35": the group of an intersection of two attributes.</summary>
    public static string Cross(string first, string second) => first + " × " + second;

    private static Dictionary<string, (double Low, double High)> Bootstrap(IReadOnlyList<GroupConfusion> groups, int[] judged, int resamples, int seed)
    {
        var draws = FairnessMetrics.Names.ToDictionary(n => n, _ => new List<double>(resamples), StringComparer.Ordinal);
        if (judged.Length >= 2)
        {
            var random = new Random(seed);
            var resampled = new GroupConfusion[judged.Length];
            for (var b = 0; b < resamples; b++)
            {
                for (var j = 0; j < judged.Length; j++)
                {
                    var g = groups[judged[j]];
                    resampled[j] = new GroupConfusion(Draw(random, g.TruePositive), Draw(random, g.FalsePositive),
                        Draw(random, g.TrueNegative), Draw(random, g.FalseNegative));
                }
                foreach (var (name, value) in FairnessMetrics.Compute(resampled))
                {
                    if (double.IsFinite(value))
                        draws[name].Add(value);
                }
            }
        }
        return draws.ToDictionary(d => d.Key, d => d.Value.Count == 0 ? (double.NaN, double.NaN)
            : (Percentile(d.Value, 2.5), Percentile(d.Value, 97.5)), StringComparer.Ordinal);
    }

    private static long Draw(Random random, long count) => count == 0 ? 0 : Poisson.Sample(random, count);

    /// <summary>numpy's default ("linear") percentile.</summary>
    public static double Percentile(IReadOnlyList<double> values, double percent) => Statistics.PairedBootstrap.Quantile(values, percent / 100);

    /// <summary>The finding in one sentence, for the least favoured judged group against the most favoured:
    /// "Share predicted 'good' for sex = female is 0.71× that for sex = male (95 % CI 0.62–0.80): below the four-fifths
    /// rule." Null when fewer than two groups can be judged.</summary>
    public static string? Sentence(FairnessResult result, string positiveClass)
    {
        var judged = result.Groups.Where(g => g.Judged && double.IsFinite(g.SelectionRate)).ToList();
        if (judged.Count < 2 || result.Metric(FairnessMetrics.DisparateImpact) is not { } impact || !double.IsFinite(impact.Value))
            return null;
        var low = judged.MinBy(g => g.SelectionRate)!;
        var high = judged.MaxBy(g => g.SelectionRate)!;
        var interval = double.IsFinite(impact.CiLow) ? $" (95 % CI {F(impact.CiLow)}–{F(impact.CiHigh)})" : "";
        var verdict = impact.Value < FairnessMetrics.FourFifths
            ? $"below the four-fifths rule ({F(FairnessMetrics.FourFifths)})"
            : double.IsFinite(impact.CiLow) && impact.CiLow < FairnessMetrics.FourFifths
                ? "within the four-fifths rule, but the interval reaches below it"
                : "within the four-fifths rule";
        return $"Share predicted '{positiveClass}' for {result.Attribute} = {low.Group} ({F(low.SelectionRate)}) is {F(impact.Value)}× that for {result.Attribute} = {high.Group} ({F(high.SelectionRate)}){interval}: {verdict}.";
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
