namespace DataProductDashboard.Analysis.Models;

/// <summary>Performance metrics of one model version on rows that each carry a whole-number weight (how often a
/// bootstrap resample drew the row); with every weight 1 they are the ordinary metrics (scikit-learn's definitions, as
/// <see cref="Metrics.ClassificationMetrics"/> and <see cref="Metrics.RegressionMetrics"/> compute them).</summary>
internal sealed class WeightedMetrics
{
    private const double Eps = 2.220446049250313e-16;
    private readonly double[] _labels;
    private readonly double[] _predicted;
    private readonly double[]? _probability;
    private readonly int[]? _byScore;

    public WeightedMetrics(double[] labels, double[] predicted, double[]? probability)
    {
        _labels = labels;
        _predicted = predicted;
        _probability = probability;
        if (probability is not null)
        {
            _byScore = new int[labels.Length];
            for (var i = 0; i < _byScore.Length; i++)
                _byScore[i] = i;
            var keys = (double[])probability.Clone();
            Array.Sort(keys, _byScore);
        }
    }

    public static int[] Ones(int rows)
    {
        var ones = new int[rows];
        Array.Fill(ones, 1);
        return ones;
    }

    /// <summary>The metrics of a multiclass classifier (labels and predictions are class indices): accuracy, balanced
    /// accuracy (mean recall over the classes with rows) and the macro F1 over the classes present among the labels or the
    /// predictions, as scikit-learn averages them.</summary>
    public void Multiclass(int[] w, Dictionary<string, double> into)
    {
        var classes = 0;
        for (var i = 0; i < _labels.Length; i++)
            classes = Math.Max(classes, Math.Max((int)_labels[i], (int)_predicted[i]) + 1);
        var tp = new double[classes];
        var predictedK = new double[classes];
        var actualK = new double[classes];
        double total = 0, correct = 0;
        for (var i = 0; i < w.Length; i++)
        {
            if (w[i] == 0)
                continue;
            int y = (int)_labels[i], p = (int)_predicted[i];
            total += w[i];
            actualK[y] += w[i];
            predictedK[p] += w[i];
            if (y == p)
            {
                tp[y] += w[i];
                correct += w[i];
            }
        }
        double f1Sum = 0, recallSum = 0;
        int present = 0, withRows = 0;
        for (var k = 0; k < classes; k++)
        {
            if (actualK[k] == 0 && predictedK[k] == 0)
                continue;
            present++;
            var precision = predictedK[k] == 0 ? 0 : tp[k] / predictedK[k];
            var recall = actualK[k] == 0 ? 0 : tp[k] / actualK[k];
            f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (actualK[k] > 0)
            {
                withRows++;
                recallSum += recall;
            }
        }
        into["accuracy"] = correct / total;
        into["balanced_accuracy"] = withRows == 0 ? double.NaN : recallSum / withRows;
        into["macro_f1"] = present == 0 ? double.NaN : f1Sum / present;
    }

    /// <summary>The metrics of a binary classifier: accuracy, precision, recall, f1 and, with probabilities, roc_auc,
    /// log_loss and brier.</summary>
    public void Binary(int[] w, Dictionary<string, double> into)
    {
        double total = 0, correct = 0, tp = 0, predictedPositive = 0, positive = 0, logLoss = 0, brier = 0;
        for (var i = 0; i < w.Length; i++)
        {
            if (w[i] == 0)
                continue;
            double weight = w[i], y = _labels[i], p = _predicted[i];
            total += weight;
            if (p == y)
                correct += weight;
            if (p == 1)
                predictedPositive += weight;
            if (y == 1)
                positive += weight;
            if (p == 1 && y == 1)
                tp += weight;
            if (_probability is { } probability)
            {
                var q = Math.Clamp(probability[i], Eps, 1 - Eps);
                logLoss -= weight * (y == 1 ? Math.Log(q) : Math.Log(1 - q));
                brier += weight * (y - probability[i]) * (y - probability[i]);
            }
        }
        into["accuracy"] = correct / total;
        into["precision"] = predictedPositive == 0 ? 0 : tp / predictedPositive;
        into["recall"] = positive == 0 ? 0 : tp / positive;
        var f1Denominator = predictedPositive + positive;
        into["f1"] = f1Denominator == 0 ? 0 : 2 * tp / f1Denominator;
        if (_probability is not null)
        {
            into["roc_auc"] = RocAuc(w);
            into["log_loss"] = logLoss / total;
            into["brier"] = brier / total;
        }
    }

    /// <summary>MAE, RMSE and R².</summary>
    public void Regression(int[] w, Dictionary<string, double> into)
    {
        double total = 0, absolute = 0, squared = 0, sumY = 0, sumY2 = 0;
        for (var i = 0; i < w.Length; i++)
        {
            if (w[i] == 0)
                continue;
            double weight = w[i], y = _labels[i], e = _predicted[i] - y;
            total += weight;
            absolute += weight * Math.Abs(e);
            squared += weight * e * e;
            sumY += weight * y;
            sumY2 += weight * y * y;
        }
        into["mae"] = absolute / total;
        into["rmse"] = Math.Sqrt(squared / total);
        var variation = sumY2 - (sumY * sumY / total);
        into["r2"] = variation > 0 ? 1 - (squared / variation) : double.NaN;
    }

    /// <summary>Weighted Mann–Whitney AUC over the rows sorted by score once: each positive row counts the weight of the
    /// negatives below it, and half of those tied with it.</summary>
    private double RocAuc(int[] w)
    {
        var order = _byScore!;
        var scores = _probability!;
        double negativesBelow = 0, sum = 0, positives = 0, negatives = 0;
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            double groupPositive = 0, groupNegative = 0;
            while (j < order.Length && scores[order[j]] == scores[order[i]])
            {
                var row = order[j];
                if (_labels[row] == 1)
                    groupPositive += w[row];
                else
                    groupNegative += w[row];
                j++;
            }
            sum += groupPositive * (negativesBelow + (groupNegative / 2));
            negativesBelow += groupNegative;
            positives += groupPositive;
            negatives += groupNegative;
            i = j;
        }
        return positives == 0 || negatives == 0 ? double.NaN : sum / (positives * negatives);
    }
}
