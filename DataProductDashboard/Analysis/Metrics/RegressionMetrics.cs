using DataProductDashboard.Analysis.Drift;

namespace DataProductDashboard.Analysis.Metrics;

/// <summary>Regression metrics as scikit-learn computes them (pairs with a missing label or prediction are skipped).
/// MAPE divides by max(|y|, machine epsilon), like <c>mean_absolute_percentage_error</c>; mean error is
/// mean(prediction − label), so a positive value means over-prediction.</summary>
public sealed record RegressionMetrics(long Count, double Mae, double Rmse, double Mape, double R2, double MedianAbsoluteError, double MeanError)
{
    /// <summary>np.finfo(np.float64).eps.</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    public static RegressionMetrics? Compute(ReadOnlySpan<double> labels, ReadOnlySpan<double> predictions)
    {
        var y = new List<double>(labels.Length);
        var p = new List<double>(labels.Length);
        for (var i = 0; i < labels.Length; i++)
        {
            if (double.IsFinite(labels[i]) && double.IsFinite(predictions[i]))
            {
                y.Add(labels[i]);
                p.Add(predictions[i]);
            }
        }
        var n = y.Count;
        if (n == 0)
            return null;
        var abs = new double[n];
        var squared = new double[n];
        var percent = new double[n];
        var error = new double[n];
        for (var i = 0; i < n; i++)
        {
            var e = p[i] - y[i];
            error[i] = e;
            abs[i] = Math.Abs(e);
            squared[i] = e * e;
            percent[i] = Math.Abs(e) / Math.Max(Math.Abs(y[i]), MachineEpsilon);
        }
        var mean = Pairwise.Sum(y.ToArray()) / n;
        var total = y.Select(v => (v - mean) * (v - mean)).ToArray();
        var ssRes = Pairwise.Sum(squared);
        var ssTot = Pairwise.Sum(total);
        // sklearn r2_score: 1 − SS_res/SS_tot; a constant label gives 1.0 for a perfect fit, else 0.0.
        var r2 = ssTot != 0 ? 1 - (ssRes / ssTot) : ssRes == 0 ? 1.0 : 0.0;
        var sortedAbs = (double[])abs.Clone();
        Array.Sort(sortedAbs);
        var median = n % 2 == 1 ? sortedAbs[n / 2] : (sortedAbs[(n / 2) - 1] + sortedAbs[n / 2]) / 2;
        return new RegressionMetrics(n, Pairwise.Sum(abs) / n, Math.Sqrt(ssRes / n), Pairwise.Sum(percent) / n, r2, median, Pairwise.Sum(error) / n);
    }
}
