namespace DataProductDashboard.Analysis.Metrics;

/// <summary>Classification metrics as scikit-learn computes them with <c>zero_division=0</c>. Binary metrics
/// (precision, recall, F1) are for the positive class; macro averages are over the classes present in labels or
/// predictions. ROC AUC and log loss need a positive-class probability and both classes among the labels.</summary>
public sealed record ClassificationMetrics(
    long Count,
    double Accuracy,
    double BalancedAccuracy,
    double Precision,
    double Recall,
    double F1,
    double MacroPrecision,
    double MacroRecall,
    double MacroF1,
    double? RocAuc,
    double? LogLoss,
    double? Brier,
    IReadOnlyList<string> Classes,
    long[][] ConfusionMatrix,
    IReadOnlyList<ClassMetrics> PerClass)
{
    /// <summary>More than two classes: <see cref="Precision"/>, <see cref="Recall"/> and <see cref="F1"/> are the macro
    /// averages, and there is no ROC AUC, log loss or Brier score.</summary>
    public bool IsMulticlass => Classes.Count > 2;

    /// <summary>Binary metrics; <paramref name="labels"/> and <paramref name="predicted"/> are 1 (positive) or 0,
    /// NaN labels are skipped; <paramref name="probability"/> is P(positive) when the model gives one.</summary>
    public static ClassificationMetrics? Binary(ReadOnlySpan<double> labels, ReadOnlySpan<double> predicted, ReadOnlySpan<double> probability)
    {
        var y = new List<string>(labels.Length);
        var p = new List<string>(labels.Length);
        var scores = new List<double>(labels.Length);
        var yBinary = new List<int>(labels.Length);
        for (var i = 0; i < labels.Length; i++)
        {
            if (double.IsNaN(labels[i]) || double.IsNaN(predicted[i]))
                continue;
            y.Add(labels[i] == 1 ? "1" : "0");
            p.Add(predicted[i] == 1 ? "1" : "0");
            yBinary.Add(labels[i] == 1 ? 1 : 0);
            if (!probability.IsEmpty)
                scores.Add(probability[i]);
        }
        if (y.Count == 0)
            return null;
        var metrics = Multiclass(y, p, ["0", "1"]);
        var positive = metrics.PerClass.Single(c => c.Class == "1");
        double? auc = null, logLoss = null, brier = null;
        if (scores.Count == y.Count)
        {
            brier = BrierOf(yBinary, scores);
            if (yBinary.Contains(0) && yBinary.Contains(1))
            {
                auc = RocAucOf(yBinary, scores);
                logLoss = LogLossOf(yBinary, scores);
            }
        }
        return metrics with { Precision = positive.Precision, Recall = positive.Recall, F1 = positive.F1, RocAuc = auc, LogLoss = logLoss, Brier = brier };
    }

    /// <summary>Metrics over class labels. <paramref name="classOrder"/> fixes the confusion-matrix order; otherwise
    /// the sorted union of labels and predictions.</summary>
    public static ClassificationMetrics Multiclass(IReadOnlyList<string> labels, IReadOnlyList<string> predicted, IReadOnlyList<string>? classOrder = null)
    {
        var present = labels.Concat(predicted).Distinct().Order(StringComparer.Ordinal).ToList();
        var classes = classOrder?.ToList() ?? present;
        var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var matrix = classes.Select(_ => new long[classes.Count]).ToArray();
        for (var i = 0; i < labels.Count; i++)
            matrix[index[labels[i]]][index[predicted[i]]]++;
        var n = labels.Count;
        var correct = Enumerable.Range(0, classes.Count).Sum(i => matrix[i][i]);
        var perClass = new List<ClassMetrics>();
        for (var k = 0; k < classes.Count; k++)
        {
            var tp = (double)matrix[k][k];
            var predictedK = Enumerable.Range(0, classes.Count).Sum(i => matrix[i][k]);
            var support = matrix[k].Sum();
            var precision = predictedK == 0 ? 0 : tp / predictedK;
            var recall = support == 0 ? 0 : tp / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassMetrics(classes[k], precision, recall, f1, support));
        }
        // sklearn averages over the labels present in y_true ∪ y_pred (not classes with no rows at all).
        var averaged = perClass.Where(c => present.Contains(c.Class)).ToList();
        var withSupport = perClass.Where(c => c.Support > 0).ToList();
        // Without a positive class, precision, recall and F1 are the macro averages (a binary result replaces them).
        var (macroPrecision, macroRecall, macroF1) = (averaged.Average(c => c.Precision), averaged.Average(c => c.Recall), averaged.Average(c => c.F1));
        return new ClassificationMetrics(n, (double)correct / n,
            withSupport.Average(c => c.Recall),
            macroPrecision, macroRecall, macroF1,
            macroPrecision, macroRecall, macroF1,
            null, null, null, classes, matrix, perClass);
    }

    /// <summary>Area under the ROC curve = the Mann–Whitney U statistic with ties counted half, over P·N.</summary>
    public static double RocAucOf(IReadOnlyList<int> labels, IReadOnlyList<double> scores)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var ranks = new double[scores.Count];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j < order.Length && scores[order[j]] == scores[order[i]])
                j++;
            var rank = (i + j + 1) / 2.0;
            for (var k = i; k < j; k++)
                ranks[order[k]] = rank;
            i = j;
        }
        double positives = labels.Count(l => l == 1), negatives = labels.Count - positives, rankSum = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == 1)
                rankSum += ranks[i];
        }
        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    /// <summary>sklearn 1.2 <c>log_loss</c>: probabilities clipped to [ε, 1 − ε] with ε the float64 machine epsilon.</summary>
    public static double LogLossOf(IReadOnlyList<int> labels, IReadOnlyList<double> probability)
    {
        const double eps = 2.220446049250313e-16;
        var terms = new double[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            var p = Math.Clamp(probability[i], eps, 1 - eps);
            // sklearn renormalises the two-column [1 − p, p] rows after clipping: they still sum to 1.
            terms[i] = -(labels[i] == 1 ? Math.Log(p) : Math.Log(1 - p));
        }
        return Drift.Pairwise.Sum(terms) / labels.Count;
    }

    public static double BrierOf(IReadOnlyList<int> labels, IReadOnlyList<double> probability)
    {
        var terms = new double[labels.Count];
        for (var i = 0; i < labels.Count; i++)
            terms[i] = (labels[i] - probability[i]) * (labels[i] - probability[i]);
        return Drift.Pairwise.Sum(terms) / labels.Count;
    }
}
