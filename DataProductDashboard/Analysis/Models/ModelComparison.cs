using System.Globalization;
using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Analysis.Statistics;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Models;

/// <summary>Model versions compared on exactly the same labelled rows: each metric per version with a 95% paired
/// bootstrap interval, and against the baseline the difference with its interval and a paired test — McNemar for
/// accuracy, DeLong for ROC AUC, a paired t-test on absolute errors for MAE and on squared errors for RMSE, the
/// bootstrap itself for the others — said in a sentence; how often the versions agree, and the rows where they
/// disagree most.</summary>
public static class ModelComparison
{
    /// <summary>Rows listed in <see cref="ModelComparisonResult.Disagreements"/>, most different first.</summary>
    public const int MaxDisagreements = 10_000;

    private static readonly string[] BinaryMetrics = ["accuracy", "roc_auc", "f1", "precision", "recall", "log_loss", "brier"];
    private static readonly string[] RegressionMetrics = ["mae", "rmse", "r2"];
    private static readonly string[] MulticlassMetrics = ["accuracy", "balanced_accuracy", "macro_f1"];

    /// <param name="labels">The true label of each row (binary: 0/1), no missing one.</param>
    /// <param name="versions">Each version's predictions on the same rows, in the same order.</param>
    /// <param name="baseline">The number of the version the others are compared with.</param>
    public static ModelComparisonResult Compare(TaskType task, double[] labels, IReadOnlyList<VersionPredictions> versions, int baseline,
        int resamples = PairedBootstrap.DefaultResamples, int seed = PairedBootstrap.DefaultSeed, CancellationToken ct = default)
    {
        if (versions.Count < 2)
            throw new ArgumentException("Comparing needs at least two versions.");
        var baselineIndex = versions.ToList().FindIndex(v => v.Version == baseline);
        if (baselineIndex < 0)
            throw new ArgumentException($"The baseline v{baseline} is not among the versions compared.");
        if (labels.Length == 0)
            throw new ArgumentException("Comparing needs labelled rows.");
        foreach (var v in versions)
        {
            if (v.Predicted.Length != labels.Length || (v.Probability is { } p && p.Length != labels.Length))
                throw new ArgumentException($"v{v.Version} has {v.Predicted.Length} predictions for {labels.Length} rows.");
        }
        var binary = task == TaskType.BinaryClassification;
        var multiclass = task == TaskType.MulticlassClassification;
        var scored = binary && versions.All(v => v.Probability is not null);
        var evaluators = versions.Select(v => new WeightedMetrics(labels, v.Predicted, scored ? v.Probability : null)).ToArray();
        var names = multiclass ? MulticlassMetrics
            : (binary ? BinaryMetrics : RegressionMetrics).Where(m => scored || m is not ("roc_auc" or "log_loss" or "brier")).ToArray();

        Dictionary<string, double> Evaluate(int index, int[] weights)
        {
            var into = new Dictionary<string, double>(StringComparer.Ordinal);
            if (multiclass)
                evaluators[index].Multiclass(weights, into);
            else if (binary)
                evaluators[index].Binary(weights, into);
            else
                evaluators[index].Regression(weights, into);
            return into;
        }

        var ones = WeightedMetrics.Ones(labels.Length);
        var point = versions.Select((_, i) => Evaluate(i, ones)).ToArray();
        // values[r][version * metrics + metric]
        var samples = PairedBootstrap.Run(labels.Length, resamples, seed, weights =>
        {
            var flat = new double[versions.Count * names.Length];
            for (var v = 0; v < versions.Count; v++)
            {
                var metrics = Evaluate(v, weights);
                for (var m = 0; m < names.Length; m++)
                    flat[(v * names.Length) + m] = metrics[names[m]];
            }
            return flat;
        }, ct);

        var compared = new List<ComparedMetric>();
        for (var m = 0; m < names.Length; m++)
        {
            var metric = names[m];
            var info = MetricCatalog.PerformanceMetrics.First(x => x.Metric == metric);
            var lowerIsBetter = info.LowerIsBetter == true;
            var test = TestOf(metric);
            var values = new List<ComparedValue>();
            for (var v = 0; v < versions.Count; v++)
            {
                var own = samples.Select(s => s[(v * names.Length) + m]).ToArray();
                var value = point[v][metric];
                if (v == baselineIndex)
                {
                    values.Add(new(versions[v].Version, value, PairedBootstrap.Quantile(own, 0.025), PairedBootstrap.Quantile(own, 0.975), null, null, null, null, null));
                    continue;
                }
                var differences = samples.Select(s => s[(v * names.Length) + m] - s[(baselineIndex * names.Length) + m]).ToArray();
                var difference = value - point[baselineIndex][metric];
                var pValue = PValue(metric, labels, versions[baselineIndex], versions[v], differences);
                var (low, high) = (PairedBootstrap.Quantile(differences, 0.025), PairedBootstrap.Quantile(differences, 0.975));
                values.Add(new(versions[v].Version, value, PairedBootstrap.Quantile(own, 0.025), PairedBootstrap.Quantile(own, 0.975),
                    difference, low, high, pValue,
                    Sentence(info.Name, lowerIsBetter, versions[v].Version, baseline, difference, low, high, pValue, labels.Length)));
            }
            compared.Add(new(metric, info.Name, lowerIsBetter, test, values));
        }
        var (disagreements, disagreementCount) = Disagreements(binary || multiclass, versions, baselineIndex);
        return new(labels.Length, baseline, resamples, seed, compared, Agreement(binary || multiclass, versions, baselineIndex), disagreements)
        {
            DisagreementCount = disagreementCount,
        };
    }

    private static string TestOf(string metric) => metric switch
    {
        "accuracy" => "McNemar",
        "roc_auc" => "DeLong",
        "mae" => "paired t-test on absolute errors",
        "rmse" => "paired t-test on squared errors",
        _ => "paired bootstrap",
    };

    private static double PValue(string metric, double[] labels, VersionPredictions baseline, VersionPredictions other, double[] differences)
    {
        switch (metric)
        {
            case "accuracy":
            {
                int onlyBaseline = 0, onlyOther = 0;
                for (var i = 0; i < labels.Length; i++)
                {
                    bool a = baseline.Predicted[i] == labels[i], b = other.Predicted[i] == labels[i];
                    if (a && !b)
                        onlyBaseline++;
                    else if (b && !a)
                        onlyOther++;
                }
                return McNemar.Test(onlyBaseline, onlyOther).PValue;
            }
            case "roc_auc":
                return DeLong.Test(labels, baseline.Probability!, other.Probability!).PValue;
            case "mae" or "rmse":
            {
                var d = new double[labels.Length];
                for (var i = 0; i < d.Length; i++)
                {
                    double eb = baseline.Predicted[i] - labels[i], eo = other.Predicted[i] - labels[i];
                    d[i] = metric == "mae" ? Math.Abs(eo) - Math.Abs(eb) : (eo * eo) - (eb * eb);
                }
                return PairedT.Test(d).PValue;
            }
            default:
                return PairedBootstrap.PValue(differences);
        }
    }

    /// <summary>"v3's MAE is 4.1 lower than v2's (95% CI 2.9 to 5.3, p &lt; 0.001) on the same 8,760 rows: better."</summary>
    public static string Sentence(string name, bool lowerIsBetter, int version, int baseline, double difference, double low, double high,
        double pValue, int rows)
    {
        var on = string.Create(CultureInfo.InvariantCulture, $"on the same {rows:N0} rows");
        if (difference == 0 && low == 0 && high == 0)
            return $"v{version}'s {name} equals v{baseline}'s {on}.";
        var lower = difference < 0;
        var (from, to) = lower ? (-high, -low) : (low, high);
        var p = double.IsNaN(pValue) ? "p not defined" : pValue < 0.001 ? "p < 0.001" : string.Create(CultureInfo.InvariantCulture, $"p = {pValue:0.###}");
        var verdict = double.IsNaN(pValue) || pValue >= 0.05
            ? "within chance, not a real difference"
            : lower == lowerIsBetter ? "better" : "worse";
        return $"v{version}'s {name} is {Number(Math.Abs(difference))} {(lower ? "lower" : "higher")} than v{baseline}'s (95% CI {Number(from)} to {Number(to)}, {p}) {on}: {verdict}.";
    }

    /// <summary>3 significant digits, no exponent.</summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value))
            return "n/a";
        if (value == 0)
            return "0";
        var magnitude = Math.Abs(value);
        if (magnitude >= 100)
            return value.ToString("#,0", CultureInfo.InvariantCulture);
        var decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10(magnitude)), 0, 10);
        return Math.Round(value, decimals).ToString("0.##########", CultureInfo.InvariantCulture).Replace("-", "−", StringComparison.Ordinal);
    }

    private static IReadOnlyList<VersionAgreement> Agreement(bool binary, IReadOnlyList<VersionPredictions> versions, int baselineIndex)
    {
        var reference = versions[baselineIndex];
        var list = new List<VersionAgreement>();
        foreach (var v in versions)
        {
            if (v == reference)
                continue;
            double? same = null;
            if (binary)
            {
                var equal = 0;
                for (var i = 0; i < v.Predicted.Length; i++)
                {
                    if (v.Predicted[i] == reference.Predicted[i])
                        equal++;
                }
                same = (double)equal / v.Predicted.Length;
            }
            var (a, b) = binary ? (reference.Probability, v.Probability) : (reference.Predicted, v.Predicted);
            double? correlation = a is not null && b is not null ? Correlation(a, b) : null;
            double? meanAbsolute = a is not null && b is not null ? a.Zip(b, (x, y) => Math.Abs(x - y)).Average() : null;
            list.Add(new(v.Version, reference.Version, same, correlation, meanAbsolute));
        }
        return list;
    }

    /// <summary>The rows the versions disagree on, most different first, at most <see cref="MaxDisagreements"/>, and
    /// how many there are: for a classifier the rows where some version predicts another class than the baseline
    /// (ordered by the largest gap between their probabilities), for regression every row where a prediction differs
    /// (ordered by the largest gap).</summary>
    private static (IReadOnlyList<int> Rows, int Count) Disagreements(bool binary, IReadOnlyList<VersionPredictions> versions, int baselineIndex)
    {
        var reference = versions[baselineIndex];
        var rows = reference.Predicted.Length;
        var gap = new double[rows];
        var differs = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            foreach (var v in versions)
            {
                if (v == reference)
                    continue;
                differs[i] |= v.Predicted[i] != reference.Predicted[i];
                // Classes without probabilities (multiclass): every disagreement weighs the same (class indices have no distance).
                var scoreGap = binary && v.Probability is { } p && reference.Probability is { } q
                    ? Math.Abs(p[i] - q[i])
                    : binary ? (v.Predicted[i] != reference.Predicted[i] ? 1 : 0)
                    : Math.Abs(v.Predicted[i] - reference.Predicted[i]);
                gap[i] = Math.Max(gap[i], scoreGap);
            }
        }
        var list = Enumerable.Range(0, rows).Where(i => differs[i]).ToList();
        return ([.. list.OrderByDescending(i => gap[i]).ThenBy(i => i).Take(MaxDisagreements)], list.Count);
    }

    /// <summary>Pearson's correlation; NaN when a column is constant.</summary>
    public static double Correlation(double[] a, double[] b)
    {
        double meanA = a.Average(), meanB = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            double da = a[i] - meanA, db = b[i] - meanB;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? double.NaN : sab / Math.Sqrt(saa * sbb);
    }
}

/// <summary>One version's predictions on the compared rows.</summary>
/// <param name="Predicted">Regression: the value; binary: 1 for the positive class, else 0.</param>
/// <param name="Probability">Binary: the probability of the positive class, when the model gives one.</param>
public sealed record VersionPredictions(int Version, double[] Predicted, double[]? Probability);

/// <param name="EvaluationRows">The labelled rows every version was scored on.</param>
/// <param name="Disagreements">Indexes of the rows (in the order given) the versions disagree on, most different first.</param>
public sealed record ModelComparisonResult(int EvaluationRows, int Baseline, int Resamples, int Seed, IReadOnlyList<ComparedMetric> Metrics,
    IReadOnlyList<VersionAgreement> Agreement, IReadOnlyList<int> Disagreements)
{
    /// <summary>How many rows the versions disagree on (a different class; for regression a different value), before
    /// <see cref="ModelComparison.MaxDisagreements"/> caps the list.</summary>
    public int DisagreementCount { get; init; }
}

/// <param name="Test">How the p-value against the baseline is computed.</param>
public sealed record ComparedMetric(string Metric, string Name, bool LowerIsBetter, string Test, IReadOnlyList<ComparedValue> Versions);

/// <summary>One version's value of a metric with its 95% interval; against the baseline (null for the baseline itself)
/// the difference (this − baseline) with its interval, the p-value and the sentence.</summary>
public sealed record ComparedValue(int Version, double Value, double CiLow, double CiHigh, double? Difference, double? DifferenceCiLow,
    double? DifferenceCiHigh, double? PValue, string? Sentence);

/// <param name="SameLabelShare">Binary: share of rows where both predict the same class.</param>
/// <param name="ScoreCorrelation">Pearson's correlation of the probabilities (binary) or predictions (regression).</param>
/// <param name="MeanAbsoluteDifference">Mean |score − baseline's score|.</param>
public sealed record VersionAgreement(int Version, int Baseline, double? SameLabelShare, double? ScoreCorrelation, double? MeanAbsoluteDifference);
