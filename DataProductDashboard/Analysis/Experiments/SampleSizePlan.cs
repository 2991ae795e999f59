namespace DataProductDashboard.Analysis.Experiments;

/// <summary>Rows needed per arm for a two-sided z-test at <see cref="Alpha"/> to reach <see cref="Power"/> for the standardized
/// effect <see cref="EffectSize"/>: the root n₁ of Φ(e√m − z) + Φ(−z − e√m) = power with m = n₁ n₂ / (n₁ + n₂), n₂ = n₁ r,
/// z = Φ⁻¹(1 − α/2) (statsmodels NormalIndPower); Needed = ⌈n⌉ per arm.</summary>
/// <param name="EffectSize">Cohen's h (rates) or d (means), non-negative.</param>
/// <param name="ChampionNeeded">⌈<see cref="ChampionExact"/>⌉.</param>
/// <param name="ChallengerNeeded">⌈<see cref="ChallengerExact"/>⌉.</param>
/// <param name="Alpha">Two-sided significance level.</param>
/// <param name="Power">Target power.</param>
public sealed record SampleSizePlan(double EffectSize, long ChampionNeeded, long ChallengerNeeded, double Alpha, double Power)
{
    /// <summary>The unrounded champion sample size n₁ (statsmodels' <c>nobs1</c>, solved to full precision).</summary>
    public double ChampionExact { get; init; }

    /// <summary>The unrounded challenger sample size n₁ · r with r = share / (1 − share).</summary>
    public double ChallengerExact { get; init; }

    /// <summary>ChampionNeeded + ChallengerNeeded.</summary>
    public long TotalNeeded => ChampionNeeded + ChallengerNeeded;

    /// <summary>How far along the experiment is: min(championHave / ChampionNeeded, challengerHave / ChallengerNeeded)
    /// capped to [0, 1] (an arm that needs nothing counts as complete).</summary>
    public double Progress(long championHave, long challengerHave)
    {
        var progress = Math.Min(Share(championHave, ChampionNeeded), Share(challengerHave, ChallengerNeeded));
        return Math.Clamp(progress, 0.0, 1.0);
    }

    private static double Share(long have, long needed) => needed <= 0 ? 1.0 : (double)have / needed;
}
