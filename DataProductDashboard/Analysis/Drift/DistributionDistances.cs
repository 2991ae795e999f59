using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace DataProductDashboard.Analysis.Drift;

/// <summary>The statistics behind the drift methods, each written to give scipy's number on the same data.</summary>
public static class DistributionDistances
{
    /// <summary>Chi-square goodness of fit of the current counts against the reference shares scaled to the current
    /// size: <c>scipy.stats.chisquare(f_obs=current, f_exp=reference · n_cur / n_ref)</c> over the union of keys.
    /// A key seen only in the current sample makes the statistic infinite (p = 0); one key in all gives p = 1.</summary>
    public static double ChiSquarePValue(CategoryCounts reference, CategoryCounts current)
    {
        var keys = reference.KeysWith(current);
        if (keys.Count <= 1)
            return 1.0;
        var scale = (double)current.Total / reference.Total;
        var statistic = 0.0;
        foreach (var key in keys)
        {
            var expected = reference[key] * scale;
            var observed = (double)current[key];
            if (expected == 0)
                return observed == 0 ? 1.0 : 0.0;
            statistic += (observed - expected) * (observed - expected) / expected;
        }
        // chi2.sf(statistic, k − 1) = Q((k − 1)/2, statistic/2), the regularized upper incomplete gamma function.
        return SpecialFunctions.GammaUpperRegularized((keys.Count - 1) / 2.0, statistic / 2.0);
    }

    /// <summary>Two-proportion Z test on the share of the first key (ordinal order) with a pooled variance:
    /// <c>2 · (1 − Φ(|z|))</c>. Both samples holding the same single value give p = 1.</summary>
    public static double TwoProportionZPValue(CategoryCounts reference, CategoryCounts current)
    {
        var keys = reference.KeysWith(current);
        if (keys.Count <= 1)
            return 1.0;
        var target = keys[0];
        double n1 = reference.Total, n2 = current.Total;
        var p1 = reference[target] / n1;
        var p2 = current[target] / n2;
        var pooled = ((p1 * n1) + (p2 * n2)) / (n1 + n2);
        var z = (p1 - p2) / Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        return 2 * (1 - Normal.CDF(0, 1, Math.Abs(z)));
    }

    /// <summary>First Wasserstein distance between two sorted samples: <c>scipy.stats.wasserstein_distance(u, v)</c>,
    /// the integral of |F_u − F_v| over the merged values.</summary>
    public static double Wasserstein(double[] u, double[] v)
    {
        if (u.Length == 0 || v.Length == 0)
            throw new ArgumentException("Wasserstein distance needs two non-empty samples.");
        // scipy: all = sort(u ∪ v); Σ_k |F_u(all[k]) − F_v(all[k])| · (all[k+1] − all[k]), F by searchsorted(right).
        // One merge pass; equal values contribute zero-width terms, so only value changes matter. Kahan-summed.
        int iu = 0, iv = 0;
        double sum = 0, compensation = 0;
        var current = Math.Min(u[0], v[0]);
        while (true)
        {
            while (iu < u.Length && u[iu] <= current)
                iu++;
            while (iv < v.Length && v[iv] <= current)
                iv++;
            if (iu == u.Length && iv == v.Length)
                break;
            var next = iu == u.Length ? v[iv] : iv == v.Length ? u[iu] : Math.Min(u[iu], v[iv]);
            var term = (Math.Abs(((double)iu / u.Length) - ((double)iv / v.Length)) * (next - current)) - compensation;
            var total = sum + term;
            compensation = (total - sum) - term;
            sum = total;
            current = next;
        }
        return sum;
    }

    /// <summary>Wasserstein distance divided by the reference population standard deviation (floor 0.001).</summary>
    public static double NormedWasserstein(NumericSample reference, NumericSample current) =>
        Wasserstein(reference.Values, current.Values) / Math.Max(reference.MeanAndStd().Std, 0.001);

    /// <summary><c>scipy.spatial.distance.jensenshannon(p, q)</c> with the natural logarithm.</summary>
    public static double JensenShannon(double[] p, double[] q)
    {
        var (pn, qn) = (Normalize(p), Normalize(q));
        var left = new double[pn.Length];
        var right = new double[pn.Length];
        for (var i = 0; i < pn.Length; i++)
        {
            var m = (pn[i] + qn[i]) / 2.0;
            left[i] = RelativeEntropy(pn[i], m);
            right[i] = RelativeEntropy(qn[i], m);
        }
        var js = Pairwise.Sum(left) + Pairwise.Sum(right);
        return Math.Sqrt(js / 2.0);
    }

    /// <summary>Population stability index Σ (q − p) · ln(q / p), with empty shares set to 0.0001.</summary>
    public static double PopulationStabilityIndex(double[] reference, double[] current)
    {
        var terms = new double[reference.Length];
        for (var i = 0; i < reference.Length; i++)
        {
            var p = reference[i] == 0 ? 0.0001 : reference[i];
            var q = current[i] == 0 ? 0.0001 : current[i];
            terms[i] = (q - p) * Math.Log(q / p);
        }
        return Pairwise.Sum(terms);
    }

    /// <summary>Hellinger distance √(½ Σ (√p − √q)²), between 0 and 1.</summary>
    public static double Hellinger(double[] p, double[] q)
    {
        var terms = new double[p.Length];
        for (var i = 0; i < p.Length; i++)
        {
            var d = Math.Sqrt(p[i]) - Math.Sqrt(q[i]);
            terms[i] = d * d;
        }
        return Math.Sqrt(Pairwise.Sum(terms) / 2.0);
    }

    private static double[] Normalize(double[] x)
    {
        var sum = Pairwise.Sum(x);
        return x.Select(v => v / sum).ToArray();
    }

    /// <summary>scipy.special.rel_entr.</summary>
    private static double RelativeEntropy(double x, double y) =>
        x > 0 && y > 0 ? x * Math.Log(x / y) : x == 0 && y >= 0 ? 0 : double.PositiveInfinity;
}
