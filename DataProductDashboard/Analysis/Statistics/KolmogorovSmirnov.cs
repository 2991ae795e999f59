namespace DataProductDashboard.Analysis.Statistics;

/// <summary>
/// Two-sample Kolmogorov–Smirnov test, a port of scipy 1.10.1
/// <c>scipy.stats.ks_2samp(data1, data2, alternative='two-sided', method='auto')</c>.
/// </summary>
public static class KolmogorovSmirnov
{
    /// <summary>'auto' tries the exact p-value when both samples have at most this many values.</summary>
    public const int MaxExactSampleSize = 10000;

    /// <summary>
    /// Two-sided two-sample KS test of <paramref name="reference"/> against <paramref name="current"/>
    /// (finite values only). The statistic is D = sup |F_ref - F_cur|; the p-value is exact (lattice paths)
    /// when max(n1, n2) &lt;= 10,000 unless that computation fails, else <c>kstwo.sf(D, round(n1 n2 / (n1 + n2)))</c>.
    /// In the exact branch the statistic is snapped to h / lcm(n1, n2), as scipy does.
    /// </summary>
    /// <exception cref="ArgumentException">Either sample is empty.</exception>
    public static KsResult TwoSample(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        if (reference.IsEmpty)
            throw new ArgumentException("Data passed to the KS test must not be empty.", nameof(reference));
        if (current.IsEmpty)
            throw new ArgumentException("Data passed to the KS test must not be empty.", nameof(current));

        var data1 = reference.ToArray();
        var data2 = current.ToArray();
        Array.Sort(data1);
        Array.Sort(data2);
        var n1 = data1.Length;
        var n2 = data2.Length;

        var d = Statistic(data1, data2);

        var g = Gcd(n1, n2);
        if (Math.Max(n1, n2) <= MaxExactSampleSize)
        {
            var (success, snapped, prob) = AttemptExact(n1, n2, g, d);
            d = snapped;
            if (success)
                return new KsResult(d, KolmogorovDistribution.ClipProb(prob), KsMethod.Exact);
            // scipy warns "Exact calculation unsuccessful" and switches to asymp with the snapped d.
        }

        // Asymptotic: one-sample two-sided distribution with the effective sample size.
        double m = Math.Max(n1, n2), n = Math.Min(n1, n2);
        var en = m * n / (m + n);
        var nEff = Math.Round(en, MidpointRounding.ToEven);
        var p = KolmogorovDistribution.Sf((int)nEff, d);
        return new KsResult(d, KolmogorovDistribution.ClipProb(p), KsMethod.Asymptotic);
    }

    /// <summary>
    /// max(max(cdf1 - cdf2), clip(-min(cdf1 - cdf2), 0, 1)) over all observed values, both ECDFs evaluated
    /// with searchsorted(side='right'), in one merge pass over the sorted samples.
    /// </summary>
    internal static double Statistic(double[] sorted1, double[] sorted2)
    {
        int n1 = sorted1.Length, n2 = sorted2.Length;
        int i = 0, j = 0;
        var maxS = double.NegativeInfinity;
        var minDiff = double.PositiveInfinity;
        while (i < n1 || j < n2)
        {
            double v;
            if (j >= n2 || (i < n1 && sorted1[i] <= sorted2[j]))
                v = sorted1[i];
            else
                v = sorted2[j];
            while (i < n1 && sorted1[i] <= v)
                i++;
            while (j < n2 && sorted2[j] <= v)
                j++;
            var diff = (double)i / n1 - (double)j / n2;
            if (diff > maxS)
                maxS = diff;
            if (diff < minDiff)
                minDiff = diff;
        }
        var minS = Math.Clamp(-minDiff, 0.0, 1.0);
        return minS > maxS ? minS : maxS;
    }

    /// <summary>_attempt_exact_2kssamp for the two-sided alternative: (success, snapped d, probability).</summary>
    internal static (bool Success, double D, double Prob) AttemptExact(int n1, int n2, int g, double d)
    {
        var lcm = (long)(n1 / g) * n2;
        var h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
        d = h * 1.0 / lcm;
        if (h == 0)
            return (true, d, 1.0);
        var prob = n1 == n2
            ? ComputeProbOutsideSquare(n1, h)
            : ComputeOuterProbInsideMethod(n1, n2, g, h);
        if (!double.IsFinite(prob))
            return (false, d, double.NaN);
        if (!(prob >= 0 && prob <= 1))
            return (false, d, prob);
        return (true, d, prob);
    }

    /// <summary>
    /// Pr(D_{n,n} &gt;= h/n) = 2 (C(2n, n-h) - C(2n, n-2h) + ...) / C(2n, n), evaluated Horner-like as
    /// 2 A0 (1 - A1 (1 - A2 (1 - ...))) (<c>_compute_prob_outside_square</c>).
    /// </summary>
    internal static double ComputeProbOutsideSquare(long n, long h)
    {
        var p = 0.0;
        var k = (long)Math.Floor((double)n / h);
        while (k >= 0)
        {
            var p1 = 1.0;
            for (long j = 0; j < h; j++)
                p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            p = p1 * (1.0 - p);
            k--;
        }
        return 2 * p;
    }

    /// <summary>
    /// Proportion of lattice paths from (0,0) to (m,n) that do not stay strictly inside |x/m - y/n| &lt; h/lcm(m,n),
    /// computed directly as 1 - p by Viehmann's recursion (<c>_compute_outer_prob_inside_method</c>).
    /// </summary>
    internal static double ComputeOuterProbInsideMethod(long m, long n, long g, long h)
    {
        if (m < n)
            (m, n) = (n, m);
        var mg = m / g;
        var ng = n / g;

        long minj = 0;
        var maxj = Math.Min((long)Math.Ceiling((double)h / mg), n + 1);
        var curlen = maxj - minj;
        var lenA = Math.Min(2 * maxj + 2, n + 1);
        var a = new double[lenA];
        Array.Fill(a, 1.0);
        for (var idx = minj; idx < maxj && idx < lenA; idx++)
            a[idx] = 0.0;
        for (long i = 1; i <= m; i++)
        {
            var lastminj = minj;
            var lastlen = curlen;
            minj = Math.Max((long)Math.Floor((double)(ng * i - h) / mg) + 1, 0);
            minj = Math.Min(minj, n);
            maxj = Math.Min((long)Math.Ceiling((double)(ng * i + h) / mg), n + 1);
            if (maxj <= minj)
                return 1.0;
            var val = minj == 0 ? 0.0 : 1.0;
            for (long jj = 0; jj < maxj - minj; jj++)
            {
                var j = jj + minj;
                val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
                a[jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen)
            {
                var from = maxj - minj;
                var to = Math.Min(from + (lastlen - curlen), lenA);
                for (var idx = from; idx < to; idx++)
                    a[idx] = 1.0;
            }
        }
        return a[maxj - minj - 1];
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
            (a, b) = (b, a % b);
        return a;
    }
}
