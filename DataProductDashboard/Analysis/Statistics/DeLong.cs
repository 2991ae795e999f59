using MathNet.Numerics;

namespace DataProductDashboard.Analysis.Statistics;

/// <summary>DeLong, DeLong and Clarke-Pearson's (1988) test of two correlated ROC AUCs on the same rows, computed from
/// mid-ranks (Sun and Xu, 2014) in O(n log n): per positive row V10 = its share of negatives scored below it (ties
/// half), per negative row V01 = its share of positives scored above it; the AUCs' covariance is
/// cov(V10) / m + cov(V01) / n (sample covariances), z = (AUC other − AUC baseline) / its standard error, two-sided
/// normal p.</summary>
public static class DeLong
{
    /// <param name="labels">1 for the positive class, 0 for the negative (no other value).</param>
    public static DeLongResult Test(ReadOnlySpan<double> labels, ReadOnlySpan<double> baseline, ReadOnlySpan<double> other)
    {
        if (baseline.Length != labels.Length || other.Length != labels.Length)
            throw new ArgumentException("Labels and both score columns need the same length.");
        var positives = new List<int>();
        var negatives = new List<int>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] == 1)
                positives.Add(i);
            else if (labels[i] == 0)
                negatives.Add(i);
            else
                throw new ArgumentException($"Label {labels[i]} at row {i} is not 0 or 1.");
        }
        int m = positives.Count, n = negatives.Count;
        if (m == 0 || n == 0)
            return new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var (aucA, v10A, v01A) = Components(baseline, positives, negatives);
        var (aucB, v10B, v01B) = Components(other, positives, negatives);
        double varA = Covariance(v10A, v10A) / m + Covariance(v01A, v01A) / n;
        double varB = Covariance(v10B, v10B) / m + Covariance(v01B, v01B) / n;
        double cov = Covariance(v10A, v10B) / m + Covariance(v01A, v01B) / n;
        var variance = varA + varB - (2 * cov);
        var difference = aucB - aucA;
        double z, p;
        if (!(variance > 0))
            (z, p) = difference == 0 ? (double.NaN, 1.0) : (double.NaN, double.NaN);
        else
        {
            z = difference / Math.Sqrt(variance);
            p = SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2));
        }
        return new(aucA, aucB, varA, varB, cov, z, p);
    }

    private static (double Auc, double[] V10, double[] V01) Components(ReadOnlySpan<double> scores, List<int> positives, List<int> negatives)
    {
        int m = positives.Count, n = negatives.Count;
        var x = new double[m];
        var y = new double[n];
        var z = new double[m + n];
        for (var i = 0; i < m; i++)
            z[i] = x[i] = scores[positives[i]];
        for (var j = 0; j < n; j++)
            z[m + j] = y[j] = scores[negatives[j]];
        var tx = MidRanks(x);
        var ty = MidRanks(y);
        var tz = MidRanks(z);
        var v10 = new double[m];
        var v01 = new double[n];
        var sum = 0.0;
        for (var i = 0; i < m; i++)
        {
            v10[i] = (tz[i] - tx[i]) / n;
            sum += tz[i];
        }
        for (var j = 0; j < n; j++)
            v01[j] = 1 - ((tz[m + j] - ty[j]) / m);
        return ((sum - (m * (m + 1.0) / 2)) / ((double)m * n), v10, v01);
    }

    /// <summary>1-based ranks, ties given the mean of the ranks they span.</summary>
    public static double[] MidRanks(double[] values)
    {
        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        var keys = (double[])values.Clone();
        Array.Sort(keys, order);
        var ranks = new double[values.Length];
        for (var i = 0; i < keys.Length;)
        {
            var j = i;
            while (j < keys.Length && keys[j] == keys[i])
                j++;
            var rank = (i + j + 1) / 2.0;
            for (var k = i; k < j; k++)
                ranks[order[k]] = rank;
            i = j;
        }
        return ranks;
    }

    private static double Covariance(double[] a, double[] b)
    {
        if (a.Length < 2)
            return 0;
        double meanA = 0, meanB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= a.Length;
        meanB /= b.Length;
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
            sum += (a[i] - meanA) * (b[i] - meanB);
        return sum / (a.Length - 1);
    }
}

/// <param name="AucBaseline">ROC AUC of the baseline.</param>
/// <param name="Z">(AUC other − AUC baseline) / standard error; NaN when the variance is 0.</param>
public sealed record DeLongResult(double AucBaseline, double AucOther, double VarianceBaseline, double VarianceOther, double Covariance, double Z, double PValue);
