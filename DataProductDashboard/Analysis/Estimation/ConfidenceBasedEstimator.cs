using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Analysis.Metrics;

namespace DataProductDashboard.Analysis.Estimation;

/// <summary>Confidence-based performance estimation (NannyML's CBPE) for a binary classifier: with calibrated
/// probabilities p of the positive class (e.g. from <see cref="IsotonicCalibration"/>) each row counts as p of a
/// positive and 1 − p of a negative, so the expected confusion matrix is TP = Σ p·[ŷ=1], FP = Σ (1−p)·[ŷ=1],
/// FN = Σ p·[ŷ=0], TN = Σ (1−p)·[ŷ=0], and accuracy, precision, recall and F1 follow from it. The estimated ROC AUC
/// is the area under the expected ROC curve: rows sorted by the model's raw score descending, at each distinct score
/// TPR = cumsum(p) / Σp and FPR = cumsum(1 − p) / Σ(1 − p), (0, 0) prepended, trapezoidal rule. That is NannyML's
/// <c>estimate_roc_auc</c> with tied scores grouped into one threshold (as sklearn's <c>roc_curve</c>), which makes
/// it independent of the order of tied rows, and without NannyML's rounding of the cumulative sums to 5 decimals;
/// it equals sklearn's weighted <c>roc_auc_score</c> on each row as a positive with weight p and a negative with
/// weight 1 − p. Unlike NannyML (which returns 0), a metric whose denominator is 0 is NaN.</summary>
public static class ConfidenceBasedEstimator
{
    public const string Accuracy = "accuracy";
    public const string Precision = "precision";
    public const string Recall = "recall";
    public const string F1 = "f1";
    public const string RocAuc = "roc_auc";

    /// <summary>The metric keys of <see cref="ChunkStandardErrors"/>, in this order.</summary>
    public static IReadOnlyList<string> MetricNames { get; } = [Accuracy, Precision, Recall, F1, RocAuc];

    /// <summary>Estimated performance of the rows. <paramref name="probability"/> is the calibrated P(positive) in
    /// [0, 1], <paramref name="predicted"/> the model's label (1 positive, 0 negative), <paramref name="scores"/> the
    /// model's raw score (only its order matters, for the ROC AUC). Rows with a NaN in any of the three are left out
    /// (as NannyML drops them); <see cref="EstimatedPerformance.Rows"/> counts the rows used, and with none every
    /// metric is NaN. Throws when the lengths differ, a probability is outside [0, 1] or a label is not 0 or 1.</summary>
    public static EstimatedPerformance Estimate(ReadOnlySpan<double> probability, ReadOnlySpan<double> predicted, ReadOnlySpan<double> scores)
    {
        if (predicted.Length != probability.Length || scores.Length != probability.Length)
            throw new ArgumentException($"probability has {probability.Length} values, predicted {predicted.Length} and scores {scores.Length}.");

        var p = new List<double>(probability.Length);
        var s = new List<double>(probability.Length);
        var tp = new List<double>(probability.Length);
        var fp = new List<double>(probability.Length);
        var fn = new List<double>(probability.Length);
        var tn = new List<double>(probability.Length);
        for (var i = 0; i < probability.Length; i++)
        {
            if (double.IsNaN(probability[i]) || double.IsNaN(predicted[i]) || double.IsNaN(scores[i]))
                continue;
            var pi = probability[i];
            if (pi is < 0 or > 1)
                throw new ArgumentOutOfRangeException(nameof(probability), pi, $"Row {i}: a probability must be in [0, 1].");
            var positive = predicted[i] switch
            {
                1 => true,
                0 => false,
                _ => throw new ArgumentOutOfRangeException(nameof(predicted), predicted[i], $"Row {i}: a predicted label must be 0 or 1."),
            };
            p.Add(pi);
            s.Add(scores[i]);
            // np.where(yhat == 1, p, 0) and friends: every row contributes to each sum, 0 where it does not count.
            tp.Add(positive ? pi : 0);
            fp.Add(positive ? 1 - pi : 0);
            fn.Add(positive ? 0 : pi);
            tn.Add(positive ? 0 : 1 - pi);
        }

        var n = p.Count;
        if (n == 0)
            return new EstimatedPerformance(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var (sumTp, sumFp, sumFn, sumTn) = (Sum(tp), Sum(fp), Sum(fn), Sum(tn));
        return new EstimatedPerformance(
            n,
            Ratio(sumTp + sumTn, n),
            Ratio(sumTp, sumTp + sumFp),
            Ratio(sumTp, sumTp + sumFn),
            Ratio(2 * sumTp, (2 * sumTp) + sumFp + sumFn),
            RocAucOfCleanRows(p, s));
    }

    /// <summary>The area under the expected ROC curve (see the class summary) of rows with calibrated probability
    /// <paramref name="probability"/> in [0, 1] and raw score <paramref name="scores"/>; rows with a NaN in either are
    /// left out. NaN when Σp or Σ(1 − p) is 0 (no expected positive or negative) or no row is left. Throws when the
    /// lengths differ or a probability is outside [0, 1].</summary>
    public static double EstimatedRocAuc(ReadOnlySpan<double> probability, ReadOnlySpan<double> scores)
    {
        if (scores.Length != probability.Length)
            throw new ArgumentException($"probability has {probability.Length} values and scores {scores.Length}.", nameof(scores));
        var p = new List<double>(probability.Length);
        var s = new List<double>(probability.Length);
        for (var i = 0; i < probability.Length; i++)
        {
            if (double.IsNaN(probability[i]) || double.IsNaN(scores[i]))
                continue;
            if (probability[i] is < 0 or > 1)
                throw new ArgumentOutOfRangeException(nameof(probability), probability[i], $"Row {i}: a probability must be in [0, 1].");
            p.Add(probability[i]);
            s.Add(scores[i]);
        }
        return RocAucOfCleanRows(p, s);
    }

    private static double RocAucOfCleanRows(List<double> probability, List<double> scores)
    {
        var n = probability.Count;
        if (n == 0)
            return double.NaN;

        var order = Enumerable.Range(0, n).ToArray();
        // Stable, score descending; the order inside a group of tied scores does not change the curve.
        Array.Sort(order, (a, b) =>
        {
            var c = scores[b].CompareTo(scores[a]);
            return c == 0 ? a.CompareTo(b) : c;
        });

        var tps = new List<double> { 0 };
        var fps = new List<double> { 0 };
        double cumulativePositive = 0, cumulativeNegative = 0;
        for (var k = 0; k < n; k++)
        {
            var i = order[k];
            cumulativePositive += probability[i];
            cumulativeNegative += 1 - probability[i];
            // One point per distinct score: the last row of each group of ties (sklearn's threshold_idxs).
            if (k == n - 1 || scores[order[k + 1]] != scores[i])
            {
                tps.Add(cumulativePositive);
                fps.Add(cumulativeNegative);
            }
        }
        if (cumulativePositive == 0 || cumulativeNegative == 0)
            return double.NaN;

        var area = new double[tps.Count - 1];
        for (var k = 1; k < tps.Count; k++)
        {
            double tpr0 = tps[k - 1] / cumulativePositive, tpr1 = tps[k] / cumulativePositive;
            double fpr0 = fps[k - 1] / cumulativeNegative, fpr1 = fps[k] / cumulativeNegative;
            area[k - 1] = (fpr1 - fpr0) * (tpr1 + tpr0) / 2;
        }
        return Pairwise.Sum(area);
    }

    /// <summary>How much each realized metric varies between random chunks of <paramref name="chunkSize"/> reference
    /// rows: <paramref name="chunks"/> chunks, each drawn with replacement (a production batch is a fresh sample of the
    /// population, not a part of the reference, so a chunk may be as large as the batch, however small the reference)
    /// with <c>new System.Random(seed)</c>, the realized accuracy, precision, recall, F1 (sklearn, zero_division=0) and ROC
    /// AUC of each from <see cref="ClassificationMetrics.Binary"/>, and the sample standard deviation (ddof = 1) of
    /// each metric across the chunks, keyed <c>accuracy</c>, <c>precision</c>, <c>recall</c>, <c>f1</c>,
    /// <c>roc_auc</c>. Reference rows with a NaN label, predicted label or score are left out first. A chunk with a
    /// single class has no ROC AUC and is left out of that metric's deviation; a metric with fewer than two chunks
    /// is NaN, as is every metric of a reference without rows.</summary>
    public static IReadOnlyDictionary<string, double> ChunkStandardErrors(
        ReadOnlySpan<double> labels, ReadOnlySpan<double> predicted, ReadOnlySpan<double> scores, int chunkSize, int chunks = 50, int seed = 42)
    {
        if (predicted.Length != labels.Length || scores.Length != labels.Length)
            throw new ArgumentException($"labels has {labels.Length} values, predicted {predicted.Length} and scores {scores.Length}.");
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunks, 2);

        var rows = new List<int>(labels.Length);
        for (var i = 0; i < labels.Length; i++)
        {
            if (!double.IsNaN(labels[i]) && !double.IsNaN(predicted[i]) && !double.IsNaN(scores[i]))
                rows.Add(i);
        }
        if (rows.Count == 0)
            return MetricNames.ToDictionary(m => m, _ => double.NaN);

        var values = MetricNames.ToDictionary(m => m, _ => new List<double>(chunks));
        var pool = rows.ToArray();
        var random = new Random(seed);
        var (y, yhat, score) = (new double[chunkSize], new double[chunkSize], new double[chunkSize]);
        for (var c = 0; c < chunks; c++)
        {
            for (var j = 0; j < chunkSize; j++)
            {
                var pick = pool[random.Next(pool.Length)];
                y[j] = labels[pick];
                yhat[j] = predicted[pick];
                score[j] = scores[pick];
            }
            var realized = ClassificationMetrics.Binary(y, yhat, score)!;
            values[Accuracy].Add(realized.Accuracy);
            values[Precision].Add(realized.Precision);
            values[Recall].Add(realized.Recall);
            values[F1].Add(realized.F1);
            if (realized.RocAuc is { } auc)
                values[RocAuc].Add(auc);
        }
        return values.ToDictionary(kv => kv.Key, kv => SampleStandardDeviation(kv.Value));
    }

    private static double SampleStandardDeviation(List<double> values)
    {
        if (values.Count < 2)
            return double.NaN;
        var mean = values.Average();
        var squares = 0.0;
        foreach (var v in values)
            squares += (v - mean) * (v - mean);
        return Math.Sqrt(squares / (values.Count - 1));
    }

    private static double Sum(List<double> values) => Pairwise.Sum(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values));

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? double.NaN : numerator / denominator;
}
