namespace DataProductDashboard.Analysis.Statistics;

/// <summary>
/// Minimal double-double arithmetic (hi + lo, about 32 significant digits), a port of the subset of the
/// QD library (cephes <c>dd_real.c</c> / <c>dd_real_idefs.h</c> / <c>dd_idefs.h</c>) that scipy's
/// <c>kolmogorov.c</c> uses for <c>smirnov</c>.
/// </summary>
internal readonly struct DoubleDouble
{
    public readonly double Hi;
    public readonly double Lo;

    public DoubleDouble(double hi, double lo)
    {
        Hi = hi;
        Lo = lo;
    }

    public static DoubleDouble Zero => new(0.0, 0.0);
    public static DoubleDouble One => new(1.0, 0.0);
    public static DoubleDouble NaN => new(double.NaN, double.NaN);
    public static DoubleDouble PositiveInfinity => new(double.PositiveInfinity, double.PositiveInfinity);
    public static DoubleDouble NegativeInfinity => new(double.NegativeInfinity, double.NegativeInfinity);

    public bool IsZero => Hi == 0.0;
    public bool IsNegative => Hi < 0.0;
    public bool IsFinite => double.IsFinite(Hi);

    // ---- error-free transformations (dd_idefs.h) ----

    private static double QuickTwoSum(double a, double b, out double err)
    {
        var s = a + b;
        var c = s - a;
        err = b - c;
        return s;
    }

    private static double TwoSum(double a, double b, out double err)
    {
        var s = a + b;
        var c = s - a;
        var d = b - c;
        var e = s - c;
        err = (a - e) + d;
        return s;
    }

    private static double TwoDiff(double a, double b, out double err)
    {
        var s = a - b;
        var c = s - a;
        var d = b + c;
        var e = s - c;
        err = (a - e) - d;
        return s;
    }

    private static double TwoProd(double a, double b, out double err)
    {
        var p = a * b;
        err = Math.FusedMultiplyAdd(a, b, -p);
        return p;
    }

    // ---- double2 operations (dd_real_idefs.h) ----

    public static DoubleDouble Neg(DoubleDouble a) => new(-a.Hi, -a.Lo);

    public static DoubleDouble Floor(DoubleDouble a)
    {
        var hi = Math.Floor(a.Hi);
        var lo = 0.0;
        if (hi == a.Hi)
        {
            lo = Math.Floor(a.Lo);
            hi = QuickTwoSum(hi, lo, out lo);
        }
        return new DoubleDouble(hi, lo);
    }

    public static DoubleDouble Ldexp(DoubleDouble a, int exponent) =>
        new(Math.ScaleB(a.Hi, exponent), Math.ScaleB(a.Lo, exponent));

    /// <summary>C frexp: x = m * 2^e with 0.5 &lt;= |m| &lt; 1 (m = x, e = 0 for 0, infinities and NaN).</summary>
    public static double Frexp(double x, out int exponent)
    {
        var bits = BitConverter.DoubleToInt64Bits(x);
        var biased = (int)((bits >> 52) & 0x7FF);
        if (biased != 0 && biased != 0x7FF)
        {
            // Normal number: replace the exponent field by that of 0.5.
            exponent = biased - 1022;
            return BitConverter.Int64BitsToDouble((bits & ~(0x7FFL << 52)) | (1022L << 52));
        }
        if (x == 0.0 || !double.IsFinite(x))
        {
            exponent = 0;
            return x;
        }
        exponent = Math.ILogB(x) + 1;
        return Math.ScaleB(x, -exponent);
    }

    public static DoubleDouble Frexp(DoubleDouble a, out int exponent)
    {
        var man = Frexp(a.Hi, out var e);
        var b1 = Math.ScaleB(a.Lo, -e);
        if (Math.Abs(man) == 0.5 && man * b1 < 0)
        {
            man *= 2;
            b1 *= 2;
            e -= 1;
        }
        exponent = e;
        return new DoubleDouble(man, b1);
    }

    public static DoubleDouble Add(double a, double b)
    {
        var s = TwoSum(a, b, out var e);
        return new DoubleDouble(s, e);
    }

    public static DoubleDouble Add(DoubleDouble a, double b)
    {
        var s1 = TwoSum(a.Hi, b, out var s2);
        s2 += a.Lo;
        s1 = QuickTwoSum(s1, s2, out s2);
        return new DoubleDouble(s1, s2);
    }

    public static DoubleDouble Add(DoubleDouble a, DoubleDouble b)
    {
        // IEEE-style error bound (Briggs / Kahan), as dd_add.
        var s1 = TwoSum(a.Hi, b.Hi, out var s2);
        var t1 = TwoSum(a.Lo, b.Lo, out var t2);
        s2 += t1;
        s1 = QuickTwoSum(s1, s2, out s2);
        s2 += t2;
        s1 = QuickTwoSum(s1, s2, out s2);
        return new DoubleDouble(s1, s2);
    }

    public static DoubleDouble Sub(double a, double b)
    {
        var s = TwoDiff(a, b, out var e);
        return new DoubleDouble(s, e);
    }

    public static DoubleDouble Sub(DoubleDouble a, DoubleDouble b) => Add(a, Neg(b));

    public static DoubleDouble Sub(DoubleDouble a, double b)
    {
        var s1 = TwoSum(a.Hi, -b, out var s2);
        s2 += a.Lo;
        s1 = QuickTwoSum(s1, s2, out s2);
        return new DoubleDouble(s1, s2);
    }

    public static DoubleDouble Sub(double a, DoubleDouble b)
    {
        var s1 = TwoSum(a, -b.Hi, out var s2);
        s2 -= b.Lo;
        s1 = QuickTwoSum(s1, s2, out s2);
        return new DoubleDouble(s1, s2);
    }

    public static DoubleDouble Mul(double a, double b)
    {
        var p = TwoProd(a, b, out var e);
        return new DoubleDouble(p, e);
    }

    public static DoubleDouble Mul(DoubleDouble a, DoubleDouble b)
    {
        var p1 = TwoProd(a.Hi, b.Hi, out var p2);
        p2 += a.Hi * b.Lo + a.Lo * b.Hi;
        p1 = QuickTwoSum(p1, p2, out p2);
        return new DoubleDouble(p1, p2);
    }

    public static DoubleDouble Mul(DoubleDouble a, double b)
    {
        var p1 = TwoProd(a.Hi, b, out var e1);
        var p2 = TwoProd(a.Lo, b, out var e2);
        p1 = QuickTwoSum(p1, e2 + p2 + e1, out e1);
        return new DoubleDouble(p1, e1);
    }

    public static DoubleDouble Mul(double a, DoubleDouble b)
    {
        var p1 = TwoProd(a, b.Hi, out var e1);
        var p2 = TwoProd(a, b.Lo, out var e2);
        p1 = QuickTwoSum(p1, e2 + p2 + e1, out e1);
        return new DoubleDouble(p1, e1);
    }

    /// <summary>dd_accurate_div.</summary>
    public static DoubleDouble Div(DoubleDouble a, DoubleDouble b)
    {
        var q1 = a.Hi / b.Hi;
        var r = Sub(a, Mul(b, q1));
        var q2 = r.Hi / b.Hi;
        r = Sub(r, Mul(b, q2));
        var q3 = r.Hi / b.Hi;
        q1 = QuickTwoSum(q1, q2, out q2);
        return Add(new DoubleDouble(q1, q2), q3);
    }

    public static DoubleDouble Div(double a, double b) => Div(new DoubleDouble(a, 0.0), new DoubleDouble(b, 0.0));

    public static DoubleDouble Div(DoubleDouble a, double b) => Div(a, new DoubleDouble(b, 0.0));

    public static DoubleDouble Div(double a, DoubleDouble b) => Div(new DoubleDouble(a, 0.0), b);

    public static DoubleDouble Inv(DoubleDouble a) => Div(One, a);
}
