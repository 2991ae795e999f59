using DataProductDashboard.Analysis.Statistics;

namespace DataProductDashboard.Analysis.Models;

/// <summary>A version's diagnostics on labelled rows, scikit-learn's definitions: for a binary classifier the
/// confusion matrix, ROC and precision-recall curves with their areas, the reliability diagram with Brier score and
/// expected calibration error, the score distribution by true class and precision / recall / F1 per threshold; for
/// regression predicted against actual (a fixed-seed sample) and the residual histogram.</summary>
public static class Diagnostics
{
    public const int CalibrationBins = 10;
    public const int ScoreBins = 20;
    public const int ResidualBins = 30;
    public const int MaxCurvePoints = 300;
    public const int MaxScatterPoints = 2_000;

    public static BinaryDiagnostics Binary(double[] labels, double[] predicted, double[] probability)
    {
        long tn = 0, fp = 0, fn = 0, tp = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var (y, p) = (labels[i] == 1, predicted[i] == 1);
            if (y && p)
                tp++;
            else if (y)
                fn++;
            else if (p)
                fp++;
            else
                tn++;
        }
        var roc = RocCurve(labels, probability);
        var pr = PrecisionRecallCurve(labels, probability);
        var calibration = Calibration(labels, probability, CalibrationBins);
        var edges = NumpyHistogram.Linspace(0, 1, ScoreBins + 1);
        var negatives = NumpyHistogram.Counts([.. probability.Where((_, i) => labels[i] != 1)], edges);
        var positives = NumpyHistogram.Counts([.. probability.Where((_, i) => labels[i] == 1)], edges);
        var thresholds = Enumerable.Range(1, 19).Select(k => AtThreshold(labels, probability, k * 0.05)).ToList();
        var brier = probability.Select((p, i) => (labels[i] - p) * (labels[i] - p)).Average();
        return new BinaryDiagnostics([[tn, fp], [fn, tp]],
            Thin(roc.Fpr, roc.Tpr, roc.Thresholds), Metrics.ClassificationMetrics.RocAucOf([.. labels.Select(l => (int)l)], probability),
            Thin(pr.Recall, pr.Precision, [.. pr.Thresholds, double.NaN]), AveragePrecision(pr.Precision, pr.Recall),
            calibration.Bins, brier, calibration.Ece, edges, negatives, positives, thresholds);
    }

    public static RegressionDiagnostics Regression(double[] labels, double[] predicted, int seed = PairedBootstrap.DefaultSeed)
    {
        var residuals = predicted.Select((p, i) => p - labels[i]).ToArray();
        var edges = NumpyHistogram.EqualWidthEdges(residuals, ResidualBins);
        var counts = NumpyHistogram.Counts(residuals, edges);
        var rows = Enumerable.Range(0, labels.Length).ToArray();
        if (rows.Length > MaxScatterPoints)
        {
            new Random(seed).Shuffle(rows);
            rows = [.. rows.Take(MaxScatterPoints).Order()];
        }
        var mean = residuals.Average();
        var sd = residuals.Length > 1 ? Math.Sqrt(residuals.Sum(r => (r - mean) * (r - mean)) / (residuals.Length - 1)) : double.NaN;
        return new RegressionDiagnostics([.. rows.Select(i => labels[i])], [.. rows.Select(i => predicted[i])], edges, counts, mean, sd) { Rows = rows };
    }

    /// <summary>Precision, recall and F1 of "positive when the probability is at least <paramref name="threshold"/>"
    /// (0 where undefined, as scikit-learn's zero_division=0).</summary>
    public static ThresholdRow AtThreshold(double[] labels, double[] probability, double threshold)
    {
        long tp = 0, predictedPositive = 0, positive = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var p = probability[i] >= threshold;
            if (p)
                predictedPositive++;
            if (labels[i] == 1)
            {
                positive++;
                if (p)
                    tp++;
            }
        }
        var precision = predictedPositive == 0 ? 0 : (double)tp / predictedPositive;
        var recall = positive == 0 ? 0 : (double)tp / positive;
        var f1 = predictedPositive + positive == 0 ? 0 : 2.0 * tp / (predictedPositive + positive);
        return new(Math.Round(threshold, 10), precision, recall, f1, predictedPositive);
    }

    /// <summary>scikit-learn's <c>roc_curve(drop_intermediate=False)</c>: one point per distinct score, highest first,
    /// after (0, 0) whose threshold is the highest score + 1.</summary>
    public static (double[] Fpr, double[] Tpr, double[] Thresholds) RocCurve(double[] labels, double[] scores)
    {
        var (fps, tps, thresholds) = BinaryCurve(labels, scores);
        var n = fps.Length;
        var fpr = new double[n + 1];
        var tpr = new double[n + 1];
        var t = new double[n + 1];
        t[0] = thresholds[0] + 1;
        for (var i = 0; i < n; i++)
        {
            fpr[i + 1] = fps[i] / fps[^1];
            tpr[i + 1] = tps[i] / tps[^1];
            t[i + 1] = thresholds[i];
        }
        return (fpr, tpr, t);
    }

    /// <summary>scikit-learn 1.2's <c>precision_recall_curve</c>: points from the lowest threshold to the highest, then
    /// (recall 0, precision 1), which has no threshold.</summary>
    public static (double[] Precision, double[] Recall, double[] Thresholds) PrecisionRecallCurve(double[] labels, double[] scores)
    {
        var (fps, tps, thresholds) = BinaryCurve(labels, scores);
        var n = fps.Length;
        var precision = new double[n + 1];
        var recall = new double[n + 1];
        var t = new double[n];
        for (var i = 0; i < n; i++)
        {
            var k = n - 1 - i;
            var predictedPositive = tps[k] + fps[k];
            precision[i] = predictedPositive == 0 ? 0 : tps[k] / predictedPositive;
            recall[i] = tps[^1] == 0 ? 1 : tps[k] / tps[^1];
            t[i] = thresholds[k];
        }
        precision[n] = 1;
        recall[n] = 0;
        return (precision, recall, t);
    }

    /// <summary>scikit-learn's <c>average_precision_score</c>: Σ (Rₙ − Rₙ₊₁) Pₙ over the curve.</summary>
    public static double AveragePrecision(double[] precision, double[] recall)
    {
        var sum = 0.0;
        for (var i = 0; i + 1 < precision.Length; i++)
            sum += (recall[i] - recall[i + 1]) * precision[i];
        return sum;
    }

    /// <summary>scikit-learn's <c>calibration_curve(strategy="uniform")</c>: <paramref name="bins"/> equal bins on [0, 1]
    /// (a probability on an inner edge falls in the lower bin), empty ones left out; and the expected calibration
    /// error over the same bins, Σ nᵦ / N · |share positive − mean probability|.</summary>
    public static (CalibrationBin[] Bins, double Ece) Calibration(double[] labels, double[] probability, int bins)
    {
        var edges = NumpyHistogram.Linspace(0, 1, bins + 1);
        var sums = new double[bins];
        var trues = new double[bins];
        var counts = new int[bins];
        for (var i = 0; i < probability.Length; i++)
        {
            var b = 0;
            while (b < bins - 1 && edges[b + 1] < probability[i])
                b++;
            sums[b] += probability[i];
            trues[b] += labels[i];
            counts[b]++;
        }
        var result = new List<CalibrationBin>();
        var ece = 0.0;
        for (var b = 0; b < bins; b++)
        {
            if (counts[b] == 0)
                continue;
            var (share, mean) = (trues[b] / counts[b], sums[b] / counts[b]);
            result.Add(new(edges[b], edges[b + 1], mean, share, counts[b]));
            ece += (double)counts[b] / probability.Length * Math.Abs(share - mean);
        }
        return ([.. result], ece);
    }

    /// <summary>scikit-learn's <c>_binary_clf_curve</c>: scores from the highest down, at each distinct score the
    /// positives and negatives scored at least that high.</summary>
    private static (double[] Fps, double[] Tps, double[] Thresholds) BinaryCurve(double[] labels, double[] scores)
    {
        var order = Enumerable.Range(0, scores.Length).ToArray();
        var keys = scores.Select(s => -s).ToArray();
        Array.Sort(keys, order);
        var fps = new List<double>();
        var tps = new List<double>();
        var thresholds = new List<double>();
        double positives = 0;
        for (var i = 0; i < order.Length; i++)
        {
            positives += labels[order[i]] == 1 ? 1 : 0;
            if (i == order.Length - 1 || scores[order[i]] != scores[order[i + 1]])
            {
                tps.Add(positives);
                fps.Add(i + 1 - positives);
                thresholds.Add(scores[order[i]]);
            }
        }
        return ([.. fps], [.. tps], [.. thresholds]);
    }

    /// <summary>At most <see cref="MaxCurvePoints"/> points of a curve, evenly spread, the first and the last kept.</summary>
    private static CurvePoint[] Thin(double[] x, double[] y, double[] thresholds)
    {
        var n = x.Length;
        var take = Math.Min(n, MaxCurvePoints);
        var points = new CurvePoint[take];
        for (var k = 0; k < take; k++)
        {
            var i = take == 1 ? 0 : (int)Math.Round((double)k * (n - 1) / (take - 1));
            points[k] = new(x[i], y[i], double.IsFinite(thresholds[i]) ? thresholds[i] : null);
        }
        return points;
    }
}

/// <param name="Confusion">[[true negatives, false positives], [false negatives, true positives]] at the model's own
/// predicted classes.</param>
/// <param name="Roc">ROC points (x = false-positive rate, y = true-positive rate), at most <see cref="Diagnostics.MaxCurvePoints"/>.</param>
/// <param name="PrecisionRecall">Precision-recall points (x = recall, y = precision).</param>
/// <param name="ScoreEdges">Bins of the positive-class probability, for <paramref name="NegativeScores"/> and
/// <paramref name="PositiveScores"/> (rows whose true class is negative / positive).</param>
/// <param name="Thresholds">Precision, recall and F1 at thresholds 0.05, 0.10, …, 0.95.</param>
public sealed record BinaryDiagnostics(long[][] Confusion, CurvePoint[] Roc, double RocAuc, CurvePoint[] PrecisionRecall, double AveragePrecision,
    CalibrationBin[] Calibration, double Brier, double ExpectedCalibrationError, double[] ScoreEdges, long[] NegativeScores, long[] PositiveScores,
    IReadOnlyList<ThresholdRow> Thresholds);

public sealed record CurvePoint(double X, double Y, double? Threshold);

public sealed record CalibrationBin(double From, double To, double MeanPredicted, double FractionPositive, int Count);

public sealed record ThresholdRow(double Threshold, double Precision, double Recall, double F1, long PredictedPositive);

/// <param name="Actual">Labels of a fixed-seed sample of at most <see cref="Diagnostics.MaxScatterPoints"/> rows.</param>
/// <param name="Predicted">The version's predictions on the same sampled rows.</param>
/// <param name="ResidualEdges">numpy's 30 equal bins over prediction − label.</param>
public sealed record RegressionDiagnostics(double[] Actual, double[] Predicted, double[] ResidualEdges, long[] ResidualCounts, double ResidualMean,
    double ResidualStandardDeviation)
{
    /// <summary>Which of the compared rows the sample holds (ascending), so features can be shown beside it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int[] Rows { get; init; } = [];
}
