using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace DataProductDashboard.Analysis.Statistics;

/// <summary>McNemar's test of two classifiers on the same rows (statsmodels <c>mcnemar</c>): only the discordant rows
/// count — <c>b</c> the baseline got right and the other wrong, <c>c</c> the reverse. Below
/// <see cref="ExactBelow"/> discordant rows the exact two-sided binomial test (p = 0.5; statistic = min(b, c)), else
/// the continuity-corrected chi-square, (|b − c| − 1)² / (b + c) with 1 degree of freedom.</summary>
public static class McNemar
{
    public const int ExactBelow = 25;

    public static McNemarResult Test(int onlyBaselineRight, int onlyOtherRight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(onlyBaselineRight);
        ArgumentOutOfRangeException.ThrowIfNegative(onlyOtherRight);
        var n = onlyBaselineRight + onlyOtherRight;
        if (n == 0)
            return new(onlyBaselineRight, onlyOtherRight, 0, 1, Exact: true);
        if (n < ExactBelow)
        {
            var k = Math.Min(onlyBaselineRight, onlyOtherRight);
            return new(onlyBaselineRight, onlyOtherRight, k, Math.Min(1, 2 * Binomial.CDF(0.5, n, k)), Exact: true);
        }
        var statistic = Math.Pow(Math.Abs(onlyBaselineRight - onlyOtherRight) - 1, 2) / n;
        return new(onlyBaselineRight, onlyOtherRight, statistic, SpecialFunctions.GammaUpperRegularized(0.5, statistic / 2), Exact: false);
    }
}

/// <param name="OnlyBaselineRight">Rows the baseline classified right and the other version wrong (b).</param>
/// <param name="OnlyOtherRight">Rows the other version classified right and the baseline wrong (c).</param>
public sealed record McNemarResult(int OnlyBaselineRight, int OnlyOtherRight, double Statistic, double PValue, bool Exact);
