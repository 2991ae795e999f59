namespace DataProductDashboard.Analysis.Estimation;

/// <summary>An increasing step-and-slope map from a model's score to a probability in [0, 1], fitted by isotonic
/// regression exactly as scikit-learn 1.2.1's <c>IsotonicRegression(increasing=True, out_of_bounds="clip", y_min=0,
/// y_max=1)</c> does: rows with weight ≤ 0 dropped, rows sorted by (x, y), equal x values merged into one point
/// (weighted mean of y, summed weight; like sklearn's <c>_make_unique</c>, an x less than 1e-15 above the first x of
/// its group counts as equal), pool-adjacent-violators, fitted values clipped to [0, 1], and interior points whose
/// value equals both neighbours dropped (sklearn's <c>X_thresholds_</c> / <c>y_thresholds_</c>). Predictions clip
/// the input to the fitted x range and interpolate linearly between thresholds (scipy <c>interp1d</c>, as sklearn
/// does); NaN in gives NaN out (sklearn rejects NaN).</summary>
public sealed class IsotonicCalibration
{
    /// <summary>numpy's <c>np.finfo(np.float64).resolution</c>, the gap below which sklearn merges x values.</summary>
    private const double MergeResolution = 1e-15;

    private readonly double[] _x;
    private readonly double[] _y;

    private IsotonicCalibration(double[] x, double[] y)
    {
        _x = x;
        _y = y;
        Thresholds = Array.AsReadOnly(x);
        Values = Array.AsReadOnly(y);
    }

    /// <summary>sklearn's <c>X_thresholds_</c>: increasing x values the predictions interpolate between.</summary>
    public IReadOnlyList<double> Thresholds { get; }

    /// <summary>sklearn's <c>y_thresholds_</c>: the fitted (non-decreasing, in [0, 1]) value at each threshold.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Fits the calibration. <paramref name="weights"/> empty means weight 1 for every row; rows with weight
    /// ≤ 0 are left out. Throws when the lengths differ, a value is NaN or infinite, or no row has a positive weight.</summary>
    public static IsotonicCalibration Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> weights = default)
    {
        if (x.Length != y.Length)
            throw new ArgumentException($"x has {x.Length} values and y {y.Length}.", nameof(y));
        if (!weights.IsEmpty && weights.Length != x.Length)
            throw new ArgumentException($"x has {x.Length} values and weights {weights.Length}.", nameof(weights));

        var rows = new List<int>(x.Length);
        for (var i = 0; i < x.Length; i++)
        {
            var w = weights.IsEmpty ? 1.0 : weights[i];
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]) || !double.IsFinite(w))
                throw new ArgumentException($"Row {i} has a NaN or infinite value (x {x[i]}, y {y[i]}, weight {w}).");
            if (w > 0)
                rows.Add(i);
        }
        if (rows.Count == 0)
            throw new ArgumentException("No row with a positive weight to fit.");

        // np.lexsort((y, x)) is stable: ties in (x, y) keep their input order.
        var xs = x.ToArray();
        var ys = y.ToArray();
        var order = rows.ToArray();
        Array.Sort(order, (a, b) =>
        {
            var c = xs[a].CompareTo(xs[b]);
            if (c == 0)
                c = ys[a].CompareTo(ys[b]);
            return c == 0 ? a.CompareTo(b) : c;
        });

        var (ux, uy, uw) = MakeUnique(order, xs, ys, weights);
        PoolAdjacentViolators(uy, uw);
        for (var i = 0; i < uy.Length; i++)
            uy[i] = Math.Clamp(uy[i], 0.0, 1.0);
        return Trim(ux, uy);
    }

    /// <summary>The calibrated value at <paramref name="x"/>; NaN for NaN.</summary>
    public double Predict(double x)
    {
        if (double.IsNaN(x))
            return double.NaN;
        if (_x.Length == 1)
            return _y[0];
        var t = Math.Clamp(x, _x[0], _x[^1]);
        // scipy interp1d: searchsorted(side="left") clipped to [1, n - 1]; lo = index - 1, hi = index.
        var hi = Math.Clamp(LowerBound(_x, t), 1, _x.Length - 1);
        var lo = hi - 1;
        var slope = (_y[hi] - _y[lo]) / (_x[hi] - _x[lo]);
        return (slope * (t - _x[lo])) + _y[lo];
    }

    /// <summary>The calibrated value of each of <paramref name="x"/>.</summary>
    public double[] Predict(ReadOnlySpan<double> x)
    {
        var result = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
            result[i] = Predict(x[i]);
        return result;
    }

    /// <summary>sklearn <c>_make_unique</c>: consecutive sorted x values less than 1e-15 above the group's first x
    /// become one point at that first x, with the weighted mean of y and the summed weight.</summary>
    private static (double[] X, double[] Y, double[] W) MakeUnique(int[] order, double[] x, double[] y, ReadOnlySpan<double> weights)
    {
        var ux = new List<double>();
        var uy = new List<double>();
        var uw = new List<double>();
        var currentX = x[order[0]];
        double currentY = 0, currentW = 0;
        foreach (var i in order)
        {
            var w = weights.IsEmpty ? 1.0 : weights[i];
            if (x[i] - currentX >= MergeResolution)
            {
                ux.Add(currentX);
                uw.Add(currentW);
                uy.Add(currentY / currentW);
                currentX = x[i];
                currentW = w;
                currentY = y[i] * w;
            }
            else
            {
                currentW += w;
                currentY += y[i] * w;
            }
        }
        ux.Add(currentX);
        uw.Add(currentW);
        uy.Add(currentY / currentW);
        return ([.. ux], [.. uy], [.. uw]);
    }

    /// <summary>Pool-adjacent-violators in place, in sklearn's single-pass form (<c>_inplace_contiguous_isotonic_regression</c>):
    /// each decreasing run (equal values included) is pooled into its weighted mean, then the algorithm steps back one
    /// block so a pooled block that now violates its left neighbour is merged too.</summary>
    private static void PoolAdjacentViolators(double[] y, double[] w)
    {
        var n = y.Length;
        // Blocks [i..j]: target[i] = j and target[j] = i; y[i], w[i] hold the block's mean and weight.
        var target = new int[n];
        for (var i = 0; i < n; i++)
            target[i] = i;
        var start = 0;
        while (start < n)
        {
            var k = target[start] + 1;
            if (k == n)
                break;
            if (y[start] < y[k])
            {
                start = k;
                continue;
            }
            var sumWy = w[start] * y[start];
            var sumW = w[start];
            while (true)
            {
                var previous = y[k];
                sumWy += w[k] * y[k];
                sumW += w[k];
                k = target[k] + 1;
                if (k == n || previous < y[k])
                {
                    y[start] = sumWy / sumW;
                    w[start] = sumW;
                    target[start] = k - 1;
                    target[k - 1] = start;
                    if (start > 0)
                        start = target[start - 1];
                    break;
                }
            }
        }
        for (var i = 0; i < n;)
        {
            var end = target[i] + 1;
            for (var j = i + 1; j < end; j++)
                y[j] = y[i];
            i = end;
        }
    }

    /// <summary>Keeps the first and last points and every interior point whose value differs from a neighbour's.</summary>
    private static IsotonicCalibration Trim(double[] x, double[] y)
    {
        var keptX = new List<double>(x.Length);
        var keptY = new List<double>(y.Length);
        for (var i = 0; i < x.Length; i++)
        {
            if (i == 0 || i == x.Length - 1 || y[i] != y[i - 1] || y[i] != y[i + 1])
            {
                keptX.Add(x[i]);
                keptY.Add(y[i]);
            }
        }
        return new IsotonicCalibration([.. keptX], [.. keptY]);
    }

    /// <summary>numpy <c>searchsorted(side="left")</c>: the first index whose value is ≥ <paramref name="value"/>.</summary>
    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
