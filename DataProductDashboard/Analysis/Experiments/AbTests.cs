using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Analysis.Statistics;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;

namespace DataProductDashboard.Analysis.Experiments;

/// <summary>Statistics of an A/B test between the champion (control) and challenger (treatment) model versions, every
/// difference taken as challenger − champion: the two-proportion z-test, Welch's t-test, the sample ratio mismatch χ² check,
/// Holm's step-down adjustment p₍ₖ₎ · (m − k + 1) (running maximum, capped at 1) and the per-arm sample size of a two-sided
/// z-test. Each method states the scipy / statsmodels call it reproduces (Fixtures/ab_tests.json).</summary>
public static class AbTests
{
    /// <summary>Two-proportion z-test of the challenger's rate against the champion's. z = (p₂ − p₁) / √(p̄ (1 − p̄) (1/n₁ + 1/n₂))
    /// with the pooled rate p̄ = (c₁ + c₂) / (n₁ + n₂), two-sided p = 2 Φ(−|z|) (statsmodels
    /// <c>proportions_ztest(count=[c2, c1], nobs=[n2, n1])</c>); the confidence interval uses the unpooled (Wald) standard error
    /// √(p₁ (1 − p₁)/n₁ + p₂ (1 − p₂)/n₂) (statsmodels <c>confint_proportions_2indep(c2, n2, c1, n1, method='wald',
    /// compare='diff', alpha)</c>).</summary>
    /// <remarks>When both arms have rate 0 or both have rate 1 the pooled standard error is 0: z and p are NaN (as in statsmodels)
    /// and the interval is [0, 0]. A champion rate of 0 leaves <see cref="ArmComparison.RelativeDifference"/> null.</remarks>
    /// <exception cref="ArgumentException">An arm has 0 trials.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative counts, more successes than trials, or alpha outside (0, 1).</exception>
    public static ArmComparison TwoProportionZ(string metric, RateSample champion, RateSample challenger, double alpha)
    {
        ArgumentNullException.ThrowIfNull(metric);
        CheckRateSample(champion, nameof(champion), "champion");
        CheckRateSample(challenger, nameof(challenger), "challenger");
        CheckProbability(alpha, nameof(alpha));

        double n1 = champion.Trials, n2 = challenger.Trials;
        double p1 = champion.Rate, p2 = challenger.Rate;
        var difference = p2 - p1;

        var pooled = (double)(champion.Successes + challenger.Successes) / (n1 + n2);
        var pooledSe = Math.Sqrt(pooled * (1 - pooled) * ((1 / n1) + (1 / n2)));
        var z = pooledSe > 0 ? difference / pooledSe : double.NaN;
        var p = double.IsNaN(z) ? double.NaN : Math.Min(1.0, 2 * Normal.CDF(0, 1, -Math.Abs(z)));

        var waldSe = Math.Sqrt((p1 * (1 - p1) / n1) + (p2 * (1 - p2) / n2));
        var half = -Normal.InvCDF(0, 1, alpha / 2) * waldSe;

        return new ArmComparison(metric, ComparisonKind.Rate, p1, p2, champion.Trials, challenger.Trials, difference,
            Relative(difference, p1), difference - half, difference + half, z, null, p, null, alpha);
    }

    /// <summary>Welch's unequal-variance t-test of the challenger's mean against the champion's: t = (x̄₂ − x̄₁) / √(s₁²/n₁ + s₂²/n₂)
    /// (sample variances, n − 1), Welch–Satterthwaite df = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)),
    /// two-sided p = 2 T_df(−|t|) (scipy <c>ttest_ind(challenger, champion, equal_var=False)</c>); interval = difference ± t_{df,
    /// 1 − α/2} · standard error (statsmodels <c>CompareMeans(DescrStatsW(challenger), DescrStatsW(champion)).tconfint_diff(alpha,
    /// usevar='unequal')</c>).</summary>
    /// <remarks>When both arms have zero variance the standard error is 0: t, p and df are NaN and the interval is
    /// [difference, difference] (scipy returns NaN for equal constants but ±inf and p 0 for different ones, and statsmodels a
    /// NaN interval; the engine reports the test as undefined either way). A champion mean of 0 leaves
    /// <see cref="ArmComparison.RelativeDifference"/> null.</remarks>
    /// <exception cref="ArgumentException">An arm has fewer than 2 observations, or a value is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">alpha outside (0, 1).</exception>
    public static ArmComparison Welch(string metric, IReadOnlyList<double> champion, IReadOnlyList<double> challenger, double alpha)
    {
        var a = Observations(champion, nameof(champion), "champion");
        var b = Observations(challenger, nameof(challenger), "challenger");
        return Welch(metric, Moments.Of(a), Moments.Of(b), alpha);
    }

    /// <summary>Welch's t-test from each arm's moments (count, mean, M2), as merged from stored per-batch statistics.</summary>
    public static ArmComparison Welch(string metric, Moments champion, Moments challenger, double alpha)
    {
        ArgumentNullException.ThrowIfNull(metric);
        CheckMoments(champion, nameof(champion), "champion");
        CheckMoments(challenger, nameof(challenger), "challenger");
        CheckProbability(alpha, nameof(alpha));

        double m1 = champion.Mean, v1 = champion.Variance!.Value, m2 = challenger.Mean, v2 = challenger.Variance!.Value;
        double n1 = champion.Count, n2 = challenger.Count;
        var difference = m2 - m1;
        var relative = Relative(difference, m1);

        var vn1 = v1 / n1;
        var vn2 = v2 / n2;
        var variance = vn1 + vn2;
        if (!(variance > 0))
        {
            return new ArmComparison(metric, ComparisonKind.Mean, m1, m2, champion.Count, challenger.Count, difference, relative,
                difference, difference, double.NaN, double.NaN, double.NaN, null, alpha);
        }

        var se = Math.Sqrt(variance);
        var t = difference / se;
        // statsmodels' dof_satt form (shares of the variance), which cannot underflow for tiny variances.
        double w1 = vn1 / variance, w2 = vn2 / variance;
        var df = 1 / ((w1 * w1 / (n1 - 1)) + (w2 * w2 / (n2 - 1)));
        var p = Math.Min(1.0, 2 * StudentT.CDF(0, 1, df, -Math.Abs(t)));
        var half = StudentTQuantile(1 - (alpha / 2), df) * se;

        return new ArmComparison(metric, ComparisonKind.Mean, m1, m2, champion.Count, challenger.Count, difference, relative,
            difference - half, difference + half, t, df, p, null, alpha);
    }

    /// <summary>Sample ratio mismatch: χ² = Σ (observed − expected)² / expected with expected counts N (1 − s) and N s
    /// (N = both counts, s = <paramref name="challengerShare"/>), p = P(χ²₁ ≥ χ²) (scipy <c>chisquare([n1, n2], f_exp=[N (1 − s),
    /// N s])</c>).</summary>
    /// <remarks>Both counts 0 (no data yet): χ² and p are NaN and <see cref="SampleRatioCheck.Mismatch"/> is false.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A negative count, or a share outside (0, 1).</exception>
    public static SampleRatioCheck SampleRatio(long championCount, long challengerCount, double challengerShare)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(championCount);
        ArgumentOutOfRangeException.ThrowIfNegative(challengerCount);
        CheckProbability(challengerShare, nameof(challengerShare));

        var total = (double)championCount + challengerCount;
        if (total == 0)
            return new SampleRatioCheck(championCount, challengerCount, challengerShare, double.NaN, double.NaN);

        var expected1 = total * (1 - challengerShare);
        var expected2 = total * challengerShare;
        var chi2 = (Square(championCount - expected1) / expected1) + (Square(challengerCount - expected2) / expected2);
        // χ²₁ survival function = erfc(√(x / 2)), accurate far into the tail.
        var p = SpecialFunctions.Erfc(Math.Sqrt(chi2 / 2));
        return new SampleRatioCheck(championCount, challengerCount, challengerShare, chi2, p);
    }

    /// <summary>Holm's step-down adjusted p-values, in the input order: sort ascending, p₍ₖ₎ · (m − k + 1) for k = 1…m, running
    /// maximum, capped at 1 (statsmodels <c>multipletests(p, method='holm')[1]</c>). An empty list gives an empty array.</summary>
    /// <exception cref="ArgumentException">A p-value is NaN or outside [0, 1].</exception>
    public static double[] Holm(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        for (var i = 0; i < pValues.Count; i++)
        {
            if (!(pValues[i] >= 0 && pValues[i] <= 1))
                throw new ArgumentException($"Holm's adjustment needs p-values in [0, 1]; p-value {i} is {pValues[i]}.", nameof(pValues));
        }

        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var running = 0.0;
        for (var k = 0; k < m; k++)
        {
            running = Math.Max(running, pValues[order[k]] * (m - k));
            adjusted[order[k]] = Math.Min(running, 1.0);
        }
        return adjusted;
    }

    /// <summary>The comparisons, in the same order, with <see cref="ArmComparison.AdjustedPValue"/> set by <see cref="Holm"/> over
    /// the whole list; comparisons whose p-value is NaN are left out of the family and get a NaN adjusted p-value.</summary>
    public static IReadOnlyList<ArmComparison> HolmAdjust(IReadOnlyList<ArmComparison> comparisons)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        var family = comparisons.Where(c => !double.IsNaN(c.PValue)).Select(c => c.PValue).ToArray();
        var adjusted = Holm(family);
        var result = new ArmComparison[comparisons.Count];
        var next = 0;
        for (var i = 0; i < comparisons.Count; i++)
        {
            var c = comparisons[i];
            result[i] = c with { AdjustedPValue = double.IsNaN(c.PValue) ? double.NaN : adjusted[next++] };
        }
        return result;
    }

    /// <summary>Rows per arm to detect an absolute change <paramref name="minimumDetectableEffect"/> of a rate from
    /// <paramref name="baselineRate"/>: Cohen's h = |2 asin √(baseline + mde) − 2 asin √baseline| (statsmodels
    /// <c>proportion_effectsize</c>), then the <see cref="SampleSizePlan"/> power equation with r = s / (1 − s) (statsmodels
    /// <c>NormalIndPower().solve_power(h, alpha=alpha, power=power, ratio=r)</c> → champion n₁, challenger n₁ r).</summary>
    /// <remarks>The power equation is solved to full precision, both tails included. statsmodels stops its root finder at
    /// xtol 1e-5 (so its nobs1 can differ in the sixth decimal), and fails when n₁ &lt; 2; here n₁ is the root in every case.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">baseline outside [0, 1], mde 0 or baseline + mde outside [0, 1], alpha, power or
    /// share outside (0, 1), or power not above alpha.</exception>
    public static SampleSizePlan SampleSizeForRate(double baselineRate, double minimumDetectableEffect, double alpha, double power, double challengerShare)
    {
        if (!(baselineRate >= 0 && baselineRate <= 1))
            throw new ArgumentOutOfRangeException(nameof(baselineRate), baselineRate, "baselineRate must be a rate in [0, 1].");
        CheckEffect(minimumDetectableEffect);
        var target = baselineRate + minimumDetectableEffect;
        if (!(target >= 0 && target <= 1))
            throw new ArgumentOutOfRangeException(nameof(minimumDetectableEffect), minimumDetectableEffect,
                $"baselineRate + minimumDetectableEffect must be a rate in [0, 1]; it is {target}.");

        var h = Math.Abs((2 * Math.Asin(Math.Sqrt(target))) - (2 * Math.Asin(Math.Sqrt(baselineRate))));
        return Plan(h, alpha, power, challengerShare);
    }

    /// <summary>Rows per arm to detect an absolute change <paramref name="minimumDetectableEffect"/> of a mean: Cohen's
    /// d = |mde| / standardDeviation, then the same power equation as <see cref="SampleSizeForRate"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">standardDeviation not positive and finite, mde 0 or not finite, alpha, power or
    /// share outside (0, 1), or power not above alpha.</exception>
    public static SampleSizePlan SampleSizeForMean(double standardDeviation, double minimumDetectableEffect, double alpha, double power, double challengerShare)
    {
        if (!(standardDeviation > 0 && double.IsFinite(standardDeviation)))
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "standardDeviation must be positive and finite.");
        CheckEffect(minimumDetectableEffect);
        return Plan(Math.Abs(minimumDetectableEffect) / standardDeviation, alpha, power, challengerShare);
    }

    /// <summary>Solves Φ(u − c) + Φ(−c − u) = power for u = e √m (c = Φ⁻¹(1 − α/2)), then n₁ = m (1 + r) / r.</summary>
    private static SampleSizePlan Plan(double effectSize, double alpha, double power, double challengerShare)
    {
        CheckProbability(alpha, nameof(alpha));
        CheckProbability(power, nameof(power));
        CheckProbability(challengerShare, nameof(challengerShare));
        if (!(power > alpha))
            throw new ArgumentOutOfRangeException(nameof(power), power, $"power must exceed alpha ({alpha}): a test at level alpha already rejects with probability alpha.");
        if (!(effectSize > 0 && double.IsFinite(effectSize)))
            throw new ArgumentOutOfRangeException("minimumDetectableEffect", "minimumDetectableEffect is too small to give a positive effect size.");

        var ratio = challengerShare / (1 - challengerShare);
        var c = -Normal.InvCDF(0, 1, alpha / 2);
        double Excess(double u) => Normal.CDF(0, 1, u - c) + Normal.CDF(0, 1, -c - u) - power;
        double Slope(double u) => Normal.PDF(0, 1, u - c) - Normal.PDF(0, 1, u + c);

        // Excess(0) = alpha − power < 0 and Excess is increasing for u > 0; the one-tail solution plus 1 is above the root.
        var upper = c + Normal.InvCDF(0, 1, power) + 1;
        var u = Brent.FindRoot(Excess, 0, upper, 1e-13, 200);
        for (var i = 0; i < 2; i++)
        {
            var slope = Slope(u);
            if (slope > 0)
                u -= Excess(u) / slope;
        }

        var m = (u / effectSize) * (u / effectSize);
        var champion = m * (1 + ratio) / ratio;
        var challenger = champion * ratio;
        return new SampleSizePlan(effectSize, checked((long)Math.Ceiling(champion)), checked((long)Math.Ceiling(challenger)), alpha, power)
        {
            ChampionExact = champion,
            ChallengerExact = challenger,
        };
    }

    /// <summary>The t quantile at a fractional df: MathNet's inverse, refined by Newton steps on the CDF.</summary>
    private static double StudentTQuantile(double p, double df)
    {
        var x = StudentT.InvCDF(0, 1, df, p);
        for (var i = 0; i < 3; i++)
        {
            var density = StudentT.PDF(0, 1, df, x);
            if (!(density > 0))
                break;
            var step = (StudentT.CDF(0, 1, df, x) - p) / density;
            x -= step;
            if (Math.Abs(step) <= 1e-15 * Math.Max(1, Math.Abs(x)))
                break;
        }
        return x;
    }

    /// <summary>numpy's mean and sample variance (ddof 1): pairwise sums of the values and of the squared deviations.</summary>
    private static double[] Observations(IReadOnlyList<double> values, string paramName, string arm)
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        if (values.Count < 2)
            throw new ArgumentException($"Welch's t-test needs at least 2 observations per arm; the {arm} arm has {values.Count}.", paramName);
        var copy = new double[values.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"Welch's t-test needs finite observations; value {i} of the {arm} arm is {values[i]}.", paramName);
            copy[i] = values[i];
        }
        return copy;
    }

    private static void CheckMoments(Moments moments, string paramName, string arm)
    {
        if (moments.Count < 2)
            throw new ArgumentException($"Welch's t-test needs at least 2 observations per arm; the {arm} arm has {moments.Count}.", paramName);
        if (!double.IsFinite(moments.Mean) || !double.IsFinite(moments.M2) || moments.M2 < 0)
            throw new ArgumentException($"Welch's t-test needs finite observations; the {arm} arm's mean is {moments.Mean} and M2 {moments.M2}.", paramName);
    }

    private static void CheckRateSample(RateSample sample, string paramName, string arm)
    {
        ArgumentNullException.ThrowIfNull(sample, paramName);
        if (sample.Trials < 0 || sample.Successes < 0 || sample.Successes > sample.Trials)
            throw new ArgumentOutOfRangeException(paramName, sample,
                $"The {arm} arm needs 0 <= successes <= trials; it has {sample.Successes} successes out of {sample.Trials} trials.");
        if (sample.Trials == 0)
            throw new ArgumentException($"The two-proportion z-test needs at least 1 trial per arm; the {arm} arm has 0.", paramName);
    }

    private static void CheckProbability(double value, string paramName)
    {
        if (!(value > 0 && value < 1))
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be in (0, 1).");
    }

    private static void CheckEffect(double minimumDetectableEffect)
    {
        if (minimumDetectableEffect == 0 || !double.IsFinite(minimumDetectableEffect))
            throw new ArgumentOutOfRangeException(nameof(minimumDetectableEffect), minimumDetectableEffect,
                "minimumDetectableEffect must be a non-zero finite change.");
    }

    private static double? Relative(double difference, double champion) => champion == 0 ? null : difference / champion;

    private static double Square(double x) => x * x;
}
