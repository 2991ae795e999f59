namespace DataProductDashboard.Analysis.Statistics;

/// <summary>
/// The two-sided one-sample Kolmogorov–Smirnov distribution of D_n (scipy's <c>kstwo</c>): a port of scipy 1.10.1
/// <c>scipy/stats/_ksstats.py</c> (<c>_kolmogn</c> and the Durbin/MTW, Pomeranz and Pelz–Good algorithms,
/// selected as in Simard &amp; L'Ecuyer 2011) plus the support handling of <c>rv_continuous.sf</c>.
/// </summary>
internal static class KolmogorovDistribution
{
    private const int E128 = 128;
    private static readonly double Ep128 = Math.ScaleB(1.0, E128);
    private static readonly double Em128 = Math.ScaleB(1.0, -E128);

    private static readonly double Sqrt2Pi = Math.Sqrt(2 * Math.PI);
    private static readonly double Log2Pi = Math.Log(2 * Math.PI);
    private const double MinLog = -708;
    private static readonly double Sqrt3 = Math.Sqrt(3);
    private static readonly double PiSquared = Math.PI * Math.PI;
    private static readonly double PiFour = Math.Pow(Math.PI, 4);
    private static readonly double PiSix = Math.Pow(Math.PI, 6);

    /// <summary>Stirling coefficients B_{2j}/(2j)/(2j-1) for j = 8, ..., 1 (highest power first, as np.polyval).</summary>
    private static readonly double[] StirlingCoeffs =
    [
        -2.955065359477124183e-2, 6.4102564102564102564e-3,
        -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4,
        -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ];

    /// <summary>scipy.stats.kstwo.sf(x, n) = Pr(D_n &gt;= x) (1 for x &lt;= 0.5/n, 0 for x &gt;= 1).</summary>
    public static double Sf(int n, double x)
    {
        if (n < 1 || double.IsNaN(x))
            return double.NaN;
        var a = 0.5 / n;
        if (x <= a)
            return 1.0;
        if (!(x < 1.0))
            return 0.0;
        return Kolmogn(n, x, cdf: false);
    }

    /// <summary>scipy.stats._ksstats._kolmogn: CDF (or SF) of the two-sided statistic D_n.</summary>
    internal static double Kolmogn(int n, double x, bool cdf)
    {
        if (n <= 0)
            return double.NaN;
        if (x >= 1.0)
            return SelectAndClip(1.0, 0.0, cdf);
        if (x <= 0.0)
            return SelectAndClip(0.0, 1.0, cdf);
        var t = n * x;
        if (t <= 1.0)
        {
            // Ruben–Gambino: 1/2n <= x <= 1/n
            if (t <= 0.5)
                return SelectAndClip(0.0, 1.0, cdf);
            double prob;
            if (n <= 140)
            {
                prob = 1.0;
                for (var i = 1; i <= n; i++)
                    prob *= i * (1.0 / n) * (2 * t - 1);
            }
            else
            {
                prob = Math.Exp(LogNFactorialDivNPowN(n) + n * Math.Log(2 * t - 1));
            }
            return SelectAndClip(prob, 1.0 - prob, cdf);
        }
        if (t >= n - 1)
        {
            // Ruben–Gambino
            var prob = 2 * Math.Pow(1.0 - x, n);
            return SelectAndClip(1 - prob, prob, cdf);
        }
        if (x >= 0.5)
        {
            // Exact: 2 * smirnov
            var prob = 2 * Smirnov.Sf(n, x);
            return SelectAndClip(1.0 - prob, prob, cdf);
        }

        var nxSquared = t * x;
        if (n <= 140)
        {
            if (nxSquared <= 0.754693)
            {
                var prob = Dmtw(n, x, cdf: true);
                return SelectAndClip(prob, 1.0 - prob, cdf);
            }
            if (nxSquared <= 4)
            {
                var prob = Pomeranz(n, x, cdf: true);
                return SelectAndClip(prob, 1.0 - prob, cdf);
            }
            // Miller approximation of 2*smirnov
            var probM = 2 * Smirnov.Sf(n, x);
            return SelectAndClip(1.0 - probM, probM, cdf);
        }

        // CDF and SF have different cutoffs on nxSquared.
        if (!cdf)
        {
            if (nxSquared >= 370.0)
                return 0.0;
            if (nxSquared >= 2.2)
                return ClipProb(2 * Smirnov.Sf(n, x));
            // Fall through and compute the SF as 1.0 - CDF
        }
        double cdfProb;
        if (nxSquared >= 18.0)
            cdfProb = 1.0;
        else if (n <= 100000 && n * Math.Pow(x, 1.5) <= 1.4)
            cdfProb = Dmtw(n, x, cdf: true);
        else
            cdfProb = PelzGood(n, x, cdf: true);
        return SelectAndClip(cdfProb, 1.0 - cdfProb, cdf);
    }

    /// <summary>_clip_prob: clips to 0 &lt;= p &lt;= 1 (NaN stays NaN, as np.clip).</summary>
    internal static double ClipProb(double p) => double.IsNaN(p) ? p : Math.Clamp(p, 0.0, 1.0);

    /// <summary>_select_and_clip_prob.</summary>
    internal static double SelectAndClip(double cdfProb, double sfProb, bool cdf) => ClipProb(cdf ? cdfProb : sfProb);

    /// <summary>log(n! / n^n) by Stirling's series with n*log(n) removed up front.</summary>
    internal static double LogNFactorialDivNPowN(int n)
    {
        var rn = 1.0 / n;
        var z = rn / n;
        var poly = 0.0;
        foreach (var c in StirlingCoeffs)
            poly = poly * z + c;
        return Math.Log(n) / 2 - n + Log2Pi / 2 + rn * poly;
    }

    /// <summary>
    /// Pr(D_n &lt;= d) by the Marsaglia–Tsang–Wang form of Durbin's matrix algorithm (<c>_kolmogn_DMTW</c>):
    /// the k-th diagonal entry of H^n times n!/n^n, with the power rescaled by 2^±128.
    /// scipy keeps H in float64 (as here); only the final n!/n^n loop switches to 80-bit long double after a
    /// rescale, which changes the result by far less than 1e-12 relative.
    /// </summary>
    internal static double Dmtw(int n, double d, bool cdf)
    {
        if (d >= 1.0)
            return SelectAndClip(1.0, 0.0, cdf);
        var nd = n * d;
        if (nd <= 0.5)
            return SelectAndClip(0.0, 1.0, cdf);
        var k = (int)Math.Ceiling(nd);
        var h = k - nd;
        var m = 2 * k - 1;

        // v[j] = (1-h^(j+1))/(j+1)!  (except v[m-1]);  w[j] = 1/j!
        var v = new double[m];
        var w = new double[m];
        var fac = 1.0;
        for (var j = 1; j <= m; j++)
        {
            v[j - 1] = 1.0 - Math.Pow(h, j);
            w[j - 1] = fac;
            fac /= j; // may underflow, harmless
            v[j - 1] *= fac;
        }
        var tt = Math.Pow(Math.Max(2 * h - 1.0, 0), m) - 2 * Math.Pow(h, m);
        v[m - 1] = (1.0 + tt) * fac;

        var hm = new double[m * m];
        for (var i = 1; i < m; i++)
        {
            for (var r = i - 1; r < m; r++)
                hm[r * m + i] = w[r - (i - 1)];
        }
        for (var r = 0; r < m; r++)
            hm[r * m] = v[r];
        for (var c = 0; c < m; c++)
            hm[(m - 1) * m + c] = v[m - 1 - c];

        var hpwr = new double[m * m];
        for (var i = 0; i < m; i++)
            hpwr[i * m + i] = 1.0;
        var tmp = new double[m * m];
        var nn = n;
        var expnt = 0;
        var hExpnt = 0;
        while (nn > 0)
        {
            if (nn % 2 != 0)
            {
                MatMul(hpwr, hm, tmp, m);
                (hpwr, tmp) = (tmp, hpwr);
                expnt += hExpnt;
            }
            MatMul(hm, hm, tmp, m);
            (hm, tmp) = (tmp, hm);
            hExpnt *= 2;
            if (Math.Abs(hm[(k - 1) * m + (k - 1)]) > Ep128)
            {
                for (var i = 0; i < hm.Length; i++)
                    hm[i] /= Ep128;
                hExpnt += E128;
            }
            nn /= 2;
        }

        var p = hpwr[(k - 1) * m + (k - 1)];
        // Multiply by n!/n^n
        for (var i = 1; i <= n; i++)
        {
            p = i * p / n;
            if (Math.Abs(p) < Em128)
            {
                p *= Ep128;
                expnt -= E128;
            }
        }
        if (expnt != 0)
            p = Math.ScaleB(p, expnt);
        return SelectAndClip(p, 1.0 - p, cdf);
    }

    /// <summary>c = a * b for row-major m×m matrices (c must not alias a or b).</summary>
    private static void MatMul(double[] a, double[] b, double[] c, int m)
    {
        Array.Clear(c);
        for (var i = 0; i < m; i++)
        {
            var rowA = i * m;
            for (var l = 0; l < m; l++)
            {
                var ail = a[rowA + l];
                if (ail == 0.0)
                    continue;
                var rowB = l * m;
                for (var j = 0; j < m; j++)
                    c[rowA + j] += ail * b[rowB + j];
            }
        }
    }

    private static (int J1, int J2) PomeranzJ1J2(int i, int n, int ll, int ceilf, int roundf)
    {
        int j1, j2;
        if (i == 0)
        {
            j1 = -ll - ceilf - 1;
            j2 = ll + ceilf - 1;
        }
        else
        {
            // i + 1 = 2*ip1div2 + ip1mod2
            var ip1div2 = (i + 1) / 2;
            var ip1mod2 = (i + 1) % 2;
            if (ip1mod2 == 0)
            {
                // i is odd
                if (ip1div2 == n + 1)
                {
                    j1 = n - ll - ceilf - 1;
                    j2 = n + ll + ceilf - 1;
                }
                else
                {
                    j1 = ip1div2 - 1 - ll - roundf - 1;
                    j2 = ip1div2 + ll - 1 + ceilf - 1;
                }
            }
            else
            {
                j1 = ip1div2 - 1 - ll - 1;
                j2 = ip1div2 + ll + roundf - 1;
            }
        }
        return (Math.Max(j1 + 2, 0), Math.Min(j2, n));
    }

    /// <summary>Pr(D_n &lt;= x) by the Pomeranz recursion (<c>_kolmogn_Pomeranz</c>).</summary>
    internal static double Pomeranz(int n, double x, bool cdf)
    {
        var t = n * x;
        var ll = (int)Math.Floor(t);
        var f = 1.0 * (t - ll);
        var g = Math.Min(f, 1.0 - f);
        var ceilf = f > 0 ? 1 : 0;
        var roundf = f > 0.5 ? 1 : 0;
        var npwrs = 2 * (ll + 1);
        var gpower = new double[npwrs];
        var twogpower = new double[npwrs];
        var onem2gpower = new double[npwrs];
        gpower[0] = 1.0;
        twogpower[0] = 1.0;
        onem2gpower[0] = 1.0;
        var expnt = 0;
        double gOverN = g / n, twoGOverN = 2 * g / n, oneMinusTwoGOverN = (1 - 2 * g) / n;
        for (var m = 1; m < npwrs; m++)
        {
            gpower[m] = gpower[m - 1] * gOverN / m;
            twogpower[m] = twogpower[m - 1] * twoGOverN / m;
            onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
        }

        var v0 = new double[npwrs];
        var v1 = new double[npwrs];
        v1[0] = 1;
        int v0s = 0, v1s = 0;
        var (j1, j2) = PomeranzJ1J2(0, n, ll, ceilf, roundf);
        for (var i = 1; i < 2 * n + 2; i++)
        {
            var k1 = j1;
            (v0, v1) = (v1, v0);
            (v0s, v1s) = (v1s, v0s);
            Array.Clear(v1);
            (j1, j2) = PomeranzJ1J2(i, n, ll, ceilf, roundf);
            var pwrs = i == 1 || i == 2 * n + 1 ? gpower : (i % 2 != 0 ? twogpower : onem2gpower);
            var ln2 = j2 - k1 + 1;
            if (ln2 > 0)
            {
                // conv = np.convolve(V0[k1 - V0s : k1 - V0s + ln2], pwrs[:ln2]); keep conv[j1-k1 : j1-k1+convLen]
                var aStart = k1 - v0s;
                var aLen = Math.Min(ln2, npwrs - aStart);
                var bLen = Math.Min(ln2, npwrs);
                var convFullLen = aLen + bLen - 1;
                var convStart = j1 - k1;
                var convLen = j2 - j1 + 1;
                var maxV1 = 0.0;
                for (var q = 0; q < convLen && convStart + q < convFullLen; q++)
                {
                    var idx = convStart + q;
                    var lo = Math.Max(0, idx - (bLen - 1));
                    var hi = Math.Min(aLen - 1, idx);
                    var s = 0.0;
                    for (var a = lo; a <= hi; a++)
                        s += v0[aStart + a] * pwrs[idx - a];
                    v1[q] = s;
                    if (s > maxV1)
                        maxV1 = s;
                }
                // Scale to avoid underflow.
                if (0 < maxV1 && maxV1 < Em128)
                {
                    for (var q = 0; q < v1.Length; q++)
                        v1[q] *= Ep128;
                    expnt -= E128;
                }
                v1s = v0s + j1 - k1;
            }
        }

        // multiply by n!
        var ans = v1[n - v1s];
        for (var m = 1; m <= n; m++)
        {
            if (Math.Abs(ans) > Ep128)
            {
                ans *= Em128;
                expnt += E128;
            }
            ans *= m;
        }
        if (expnt != 0)
            ans = Math.ScaleB(ans, expnt);
        return SelectAndClip(ans, 1.0 - ans, cdf);
    }

    /// <summary>Pelz–Good approximation to Pr(D_n &lt;= x) (<c>_kolmogn_PelzGood</c>).</summary>
    internal static double PelzGood(int n, double x, bool cdf)
    {
        if (x <= 0.0)
            return SelectAndClip(0.0, 1.0, cdf);
        if (x >= 1.0)
            return SelectAndClip(1.0, 0.0, cdf);

        var z = Math.Sqrt(n) * x;
        var zsquared = z * z;
        var zthree = Math.Pow(z, 3);
        var zfour = Math.Pow(z, 4);
        var zsix = Math.Pow(z, 6);

        var qlog = -PiSquared / 8 / zsquared;
        if (qlog < MinLog)
            return SelectAndClip(0.0, 1.0, cdf);
        var q = Math.Exp(qlog);

        var k1a = -zsquared;
        var k1b = PiSquared / 4;

        var k2a = 6 * zsix + 2 * zfour;
        var k2b = (2 * zfour - 5 * zsquared) * PiSquared / 4;
        var k2c = PiFour * (1 - 2 * zsquared) / 16;

        var k3d = PiSix * (5 - 30 * zsquared) / 64;
        var k3c = PiFour * (-60 * zsquared + 212 * zfour) / 16;
        var k3b = PiSquared * (135 * zfour - 96 * zsix) / 4;
        var k3a = -30 * zsix - 90 * Math.Pow(z, 8);

        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        // Horner scheme for sum c_i q^(i^2) over odd integers.
        var maxk = (int)Math.Ceiling(16 * z / Math.PI);
        for (var k = maxk; k > 0; k--)
        {
            var m = 2 * k - 1;
            double msquared = (long)m * m;
            double mfour = (long)m * m * m * m;
            double msix = (long)m * m * m * m * m * m;
            var qpower = Math.Pow(q, 8 * k);
            s0 = s0 * qpower + 1.0;
            s1 = s1 * qpower + (k1a + k1b * msquared);
            s2 = s2 * qpower + (k2a + k2b * msquared + k2c * mfour);
            s3 = s3 * qpower + (k3a + k3b * msquared + k3c * mfour + k3d * msix);
        }
        s0 *= q;
        s1 *= q;
        s2 *= q;
        s3 *= q;
        s0 *= Sqrt2Pi;
        s1 *= Sqrt2Pi;
        s2 *= Sqrt2Pi;
        s3 *= Sqrt2Pi;
        s0 /= z;
        s1 /= 6 * zfour;
        s2 /= 72 * Math.Pow(z, 7);
        s3 /= 6480 * Math.Pow(z, 10);

        // The other sum, over all integers k.
        q = Math.Exp(-PiSquared / 2 / zsquared);
        var sqrt3z = Sqrt3 * z;
        double k2extra = 0, k3extra = 0;
        for (var k = maxk; k > 0; k--)
        {
            double ksquared = (long)k * k;
            var kspi = Math.PI * k;
            var qpwer = Math.Pow(q, ksquared);
            k2extra += ksquared * qpwer;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksquared * qpwer;
        }
        k2extra *= PiSquared * Sqrt2Pi / (-36 * zthree);
        s2 += k2extra;
        k3extra *= PiSquared * Sqrt2Pi / (216 * zsix);
        s3 += k3extra;

        s1 /= Math.Pow(n, 0.5);
        s2 /= Math.Pow(n, 1.0);
        s3 /= Math.Pow(n, 1.5);

        if (!cdf)
        {
            s0 = 1 - s0;
            s1 = -s1;
            s2 = -s2;
            s3 = -s3;
        }
        return s0 + s1 + s2 + s3;
    }
}
