namespace DataProductDashboard.Analysis.Statistics;

/// <summary>
/// The exact one-sided Kolmogorov–Smirnov (Smirnov) survival function Pr(D+_n &gt;= x): a port of
/// <c>smirnov(n, x)</c> (the <c>_smirnov</c> routine) from scipy 1.10.1 <c>scipy/special/cephes/kolmogorov.c</c>,
/// which evaluates the Smirnov / Birnbaum–Tingey sum with double-double terms and binomial coefficients
/// carried as (mantissa, exponent). Only the survival function is ported (scipy computes the pdf alongside).
/// </summary>
internal static class Smirnov
{
    /// <summary>n larger than this uses the approximation e^(-(6nx+1)^2 / 18n).</summary>
    private const int MaxComputeN = 1000000;

    /// <summary>Upper-sum formula: at most this many terms and n at least <see cref="UpperSumMinN"/>.</summary>
    private const int UpperMaxTerms = 3;

    private const int UpperSumMinN = 10;

    /// <summary>cephes MINLOG = log(2^-1075).</summary>
    private const double MinLog = -7.451332191019412076235E2;

    /// <summary>Not 1024: keeps both halves of a double-double normalized.</summary>
    private const int MaxExponent = 960;

    private const int DoubleMantissaDigits = 53;

    /// <summary>C DBL_EPSILON (2^-52); not .NET's double.Epsilon.</summary>
    private const double DblEpsilon = 2.220446049250313080847e-16;

    private const double Ln2 = 0.693147180559945309417232121458176568;

    /// <summary>scipy.special.smirnov(n, x): Pr(D+_n &gt;= x).</summary>
    public static double Sf(int n, double x)
    {
        if (double.IsNaN(x) || !(n > 0 && x >= 0.0 && x <= 1.0))
            return double.NaN;
        if (n == 1)
            return 1 - x;
        if (x == 0.0)
            return 1.0;
        if (x == 1.0)
            return 0.0;

        var alpha = ModNX(n, x, out var nxfl, out var nx);
        var n1mxfl = n - nxfl - (alpha == 0 ? 0 : 1);
        var n1mxceil = n - nxfl;
        // If alpha is 0, the last term belongs in neither the lower nor the upper sum.
        if (alpha == 0)
        {
            n1mxfl -= 1;
            n1mxceil += 1;
        }

        double sf;
        // Special case: x <= 1/n
        if (nxfl == 0 || (nxfl == 1 && alpha == 0))
        {
            var t = Pow2(1, x, n - 1);
            var cdf1 = x * t;
            return Clip01(1 - cdf1);
        }
        // Special case: x so big the sf underflows a double
        if (-2 * n * x * x < MinLog)
            return 0.0;
        // Special case: x >= 1 - 1/n
        if (nxfl >= n - 1)
            return Clip01(Pow2(1, -x, n));
        // Special case: n so big it would take too long
        if (n > MaxComputeN)
        {
            var logp = -Math.Pow(6.0 * n * x + 1, 2) / 18.0 / n;
            if (logp < -Ln2)
            {
                sf = Math.Exp(logp);
            }
            else
            {
                var cdf2 = -ExpM1(logp);
                sf = 1 - cdf2;
            }
            return Clip01(sf);
        }

        var nUpperTerms = n - n1mxceil + 1;
        var useUpperSum = nUpperTerms <= 1 && x < 0.5;
        useUpperSum = useUpperSum || (n >= UpperSumMinN && nUpperTerms <= UpperMaxTerms && x <= 0.5 / Math.Sqrt(n));

        var start = 0;
        var step = 1;
        var nTerms = n1mxfl + 1;
        var vmid = n / 2;
        var cman = DoubleDouble.One;
        var cexpt = 0;
        DoubleDouble aj;
        var ajSum = DoubleDouble.Zero;

        if (useUpperSum)
        {
            start = n;
            step = -1;
            nTerms = n - n1mxceil + 1;
            aj = Pow4D(1, x, 1, 0, n - 1);
        }
        else
        {
            var t2 = Pow4D(1, -x, 1, 0, n);
            aj = DoubleDouble.Div(t2, x);
        }
        ajSum = DoubleDouble.Add(ajSum, aj);

        UpdateBinomial(ref cman, ref cexpt, n, 0);
        for (var j = 1; j < nTerms; j++)
        {
            var v = start + j * step;
            aj = ComputeAv(n, x, v, cman, cexpt);
            if (aj.IsFinite && !aj.IsZero)
                ajSum = DoubleDouble.Add(ajSum, aj);
            // Safe to terminate early?
            if (!aj.IsZero)
            {
                if (4.0 * (nTerms - j) * Math.Abs(aj.Hi) < DblEpsilon * ajSum.Hi && j != nTerms - 1)
                    break;
            }
            else if (j > vmid)
            {
                break;
            }
            UpdateBinomial(ref cman, ref cexpt, n, j);
        }

        var prob = DoubleDouble.Mul(x, ajSum).Hi;
        sf = step < 0 ? 1 - prob : prob;
        return Clip01(sf);
    }

    private static double Clip01(double p) => p < 0 ? 0 : Math.Min(p, 1.0);

    /// <summary>Computes floor(n*x) and the remainder exactly (remainder rounded up to the next integer if it is 1).</summary>
    private static double ModNX(int n, double x, out int nxFloor, out double nx)
    {
        var nxD = DoubleDouble.Mul(n, x);
        var nxfloorD = DoubleDouble.Floor(nxD);
        var alphaD = DoubleDouble.Sub(nxD, nxfloorD);
        var alpha = alphaD.Hi;
        var nxfloor = (int)nxfloorD.Hi;
        if (alpha == 1)
        {
            nxfloor += 1;
            alpha = 0;
        }
        nx = nxD.Hi;
        nxFloor = nxfloor;
        return alpha;
    }

    /// <summary>Binomial coefficient carried as (mantissa in [0.5, 1), exponent): C *= (n-j)/(j+1).</summary>
    private static void UpdateBinomial(ref DoubleDouble cman, ref int cexpt, int n, int j)
    {
        var rat = DoubleDouble.Div(n - j, j + 1.0);
        var man2 = DoubleDouble.Mul(cman, rat);
        man2 = DoubleDouble.Frexp(man2, out var expt);
        cexpt += expt;
        cman = man2;
    }

    /// <summary>a^m, using pow() on the high word and a first-order correction for the low word.</summary>
    private static DoubleDouble PowD(DoubleDouble a, int m)
    {
        if (m <= 0)
        {
            if (m == 0)
                return DoubleDouble.One;
            return DoubleDouble.Inv(PowD(a, -m));
        }
        if (a.IsZero)
            return DoubleDouble.Zero;
        var ans = Math.Pow(a.Hi, m);
        var r = a.Lo / a.Hi;
        var adj = m * r;
        if (Math.Abs(adj) > 1e-8)
        {
            if (Math.Abs(adj) < 1e-4)
                adj += (m * r) * ((m - 1) / 2.0 * r); // first two Taylor terms of (1+r)^m
            else
                adj = ExpM1(m * LogP1(r));
        }
        return DoubleDouble.Add(ans, ans * adj);
    }

    private static double Pow2(double a, double b, int m) => PowD(DoubleDouble.Add(a, b), m).Hi;

    private static double NextPowerOf2(double x)
    {
        var q = Math.ScaleB(x, 1 - DoubleMantissaDigits);
        var l = Math.Abs(q + x);
        if (l == 0)
        {
            l = Math.Abs(x);
        }
        else
        {
            var lint = (int)l;
            if (lint == l)
                l = lint;
        }
        return l;
    }

    /// <summary>a^m as (significand, exponent), splitting the power so that nothing underflows.</summary>
    private static DoubleDouble Pow2ScaledD(DoubleDouble a, int m, out int exponent)
    {
        var maxExpt = MaxExponent;
        if (m <= 0)
        {
            if (m == 0)
            {
                exponent = 0;
                return DoubleDouble.One;
            }
            var inner = Pow2ScaledD(a, -m, out var aE1);
            var inv = DoubleDouble.Frexp(DoubleDouble.Inv(inner), out var aE2);
            exponent = -aE1 + aE2;
            return inv;
        }
        var y = DoubleDouble.Frexp(a, out var yE);
        if (m == 1)
        {
            exponent = yE;
            return y;
        }
        // Quick check whether the exponentiation must be broken up.
        if (m * (y.Hi - 1) / y.Hi < -MaxExponent * Ln2)
        {
            var lg2y = Math.Log(y.Hi) / Ln2;
            var lgAns = m * lg2y;
            if (lgAns <= -MaxExponent)
                maxExpt = (int)(NextPowerOf2(-MaxExponent / lg2y + 1) / 2);
        }
        DoubleDouble ans;
        int ansE;
        if (m <= maxExpt)
        {
            var ans1 = PowD(y, m);
            ans = DoubleDouble.Frexp(ans1, out ansE);
            ansE += m * yE;
            exponent = ansE;
            return ans;
        }

        var q = m / maxExpt;
        var r = m % maxExpt;
        // y^m = (y^maxExpt)^q * y^r
        var y2r = Pow2ScaledD(y, r, out var y2rE);
        var y2m = Pow2ScaledD(y, maxExpt, out var y2mE);
        var y2mq = Pow2ScaledD(y2m, q, out var y2mqE);
        ans = DoubleDouble.Frexp(DoubleDouble.Mul(y2r, y2mq), out ansE);
        y2mqE += y2mE * q;
        ansE += y2mqE + y2rE;
        ansE += m * yE;
        exponent = ansE;
        return ans;
    }

    /// <summary>((a+b)/(c+d))^m.</summary>
    private static DoubleDouble Pow4D(double a, double b, double c, double d, int m)
    {
        if (m <= 0)
        {
            if (m == 0)
                return DoubleDouble.One;
            return Pow4D(c, d, a, b, -m);
        }
        var aa = DoubleDouble.Add(a, b);
        var cc = DoubleDouble.Add(c, d);
        if (aa.IsZero)
            return cc.IsZero ? DoubleDouble.NaN : DoubleDouble.Zero;
        if (cc.IsZero)
            return aa.IsNegative ? DoubleDouble.NegativeInfinity : DoubleDouble.PositiveInfinity;
        return PowD(DoubleDouble.Div(aa, cc), m);
    }

    /// <summary>A_v(n, x) = Binomial(n, v) * (1-x-v/n)^(n-v) * (x+v/n)^(v-1).</summary>
    private static DoubleDouble ComputeAv(int n, double x, int v, DoubleDouble cman, int cexpt)
    {
        var t2x = DoubleDouble.Sub(DoubleDouble.Div(n - v, n), x); // 1 - x - v/n
        var t2 = Pow2ScaledD(t2x, n - v, out var t2E);
        var t1x = DoubleDouble.Add(DoubleDouble.Div(v, n), x); // x + v/n
        var t1 = Pow2ScaledD(t1x, v - 1, out var t1E);
        var ans = DoubleDouble.Mul(t1, t2);
        ans = DoubleDouble.Mul(ans, cman);
        var ansE = cexpt + t1E + t2E;
        return DoubleDouble.Ldexp(ans, ansE);
    }

    /// <summary>log(1 + x), accurate for small x (unreachable in practice: only used when |m * lo/hi| &gt;= 1e-4).</summary>
    private static double LogP1(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>exp(x) - 1, accurate for small x.</summary>
    private static double ExpM1(double x)
    {
        if (Math.Abs(x) < 1e-5)
            return x + 0.5 * x * x + x * x * x / 6.0;
        var u = Math.Exp(x);
        if (u == 1.0)
            return x;
        var um1 = u - 1.0;
        if (um1 == -1.0)
            return -1.0;
        return um1 * x / Math.Log(u);
    }
}
