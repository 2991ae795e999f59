using System.Text.Json;
using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Analysis.Statistics;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Analysis;

/// <summary>The A/B test engine against scipy 1.10.1 / statsmodels 0.13.5 reference values in Fixtures/ab_tests.json
/// (produced by Fixtures/generate_ab_fixtures.py; see Fixtures/README.md), to 1e-6 absolute and, for reference values below
/// 1e-3 in magnitude, also 1e-6 relative (so tiny p-values and interval bounds are really checked); plus the edge cases the
/// engine defines itself.</summary>
public sealed class AbTestsTests
{
    private const double Tolerance = 1e-6;
    private const double RelativeBelow = 1e-3;

    /// <summary>statsmodels' solve_power stops brentq at xtol = 1e-5, so its nobs1 is only that close to the exact root.</summary>
    private const double StatsmodelsSolveTolerance = 1e-5;

    private static readonly JsonElement Fixture = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(RepoPaths.Root, "DataProductDashboard.Tests", "Fixtures", "ab_tests.json"))).RootElement;

    public static TheoryData<string> Names(string group)
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixture.GetProperty(group).EnumerateArray())
            data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    private static JsonElement Case(string group, string name) =>
        Fixture.GetProperty(group).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    // ---- fixture cases ----------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Names), "twoProportion")]
    public void TwoProportionZ_FixtureCase_MatchesStatsmodels(string name)
    {
        var c = Case("twoProportion", name);
        var alpha = c.GetProperty("alpha").GetDouble();

        var actual = AbTests.TwoProportionZ("accuracy", Rate(c.GetProperty("champion")), Rate(c.GetProperty("challenger")), alpha);
        var e = c.GetProperty("expected");

        Assert.Equal("accuracy", actual.Metric);
        Assert.Equal(ComparisonKind.Rate, actual.Kind);
        Assert.Equal(c.GetProperty("champion").GetProperty("trials").GetInt64(), actual.ChampionCount);
        Assert.Equal(c.GetProperty("challenger").GetProperty("trials").GetInt64(), actual.ChallengerCount);
        Near(e, "champion", actual.Champion);
        Near(e, "challenger", actual.Challenger);
        Near(e, "difference", actual.Difference);
        NearOrNull(e, "relativeDifference", actual.RelativeDifference);
        Near(e, "confidenceLow", actual.ConfidenceLow);
        Near(e, "confidenceHigh", actual.ConfidenceHigh);
        NearOrNaN(e, "statistic", actual.Statistic);
        NearOrNaN(e, "pValue", actual.PValue);
        Assert.Null(actual.DegreesOfFreedom);
        Assert.Null(actual.AdjustedPValue);
        Assert.Equal(alpha, actual.Alpha);
        Assert.Equal(e.GetProperty("pValue").ValueKind != JsonValueKind.Null && e.GetProperty("pValue").GetDouble() < alpha, actual.Significant);
    }

    [Theory]
    [MemberData(nameof(Names), "welch")]
    public void Welch_FixtureCase_MatchesScipyAndStatsmodels(string name)
    {
        var c = Case("welch", name);
        var alpha = c.GetProperty("alpha").GetDouble();

        var actual = AbTests.Welch("mae", Numbers(c.GetProperty("champion")), Numbers(c.GetProperty("challenger")), alpha);
        var e = c.GetProperty("expected");

        Assert.Equal("mae", actual.Metric);
        Assert.Equal(ComparisonKind.Mean, actual.Kind);
        Assert.Equal(e.GetProperty("championCount").GetInt64(), actual.ChampionCount);
        Assert.Equal(e.GetProperty("challengerCount").GetInt64(), actual.ChallengerCount);
        Near(e, "champion", actual.Champion);
        Near(e, "challenger", actual.Challenger);
        Near(e, "difference", actual.Difference);
        NearOrNull(e, "relativeDifference", actual.RelativeDifference);
        Near(e, "confidenceLow", actual.ConfidenceLow);
        Near(e, "confidenceHigh", actual.ConfidenceHigh);
        Near(e, "statistic", actual.Statistic);
        Assert.NotNull(actual.DegreesOfFreedom);
        Near(e, "degreesOfFreedom", actual.DegreesOfFreedom.Value);
        Near(e, "pValue", actual.PValue);
        Assert.Null(actual.AdjustedPValue);
        Assert.Equal(e.GetProperty("pValue").GetDouble() < alpha, actual.Significant);
    }

    /// <summary>Issue 13: an experiment's statistics come from per-batch moments merged, not from its rows. Each
    /// fixture arm cut into uneven "batches", merged, gives scipy's result and the row-level test's to 1e-9.</summary>
    [Theory]
    [MemberData(nameof(Names), "welch")]
    public void Welch_FixtureCaseFromMergedBatchMoments_EqualsScipyAndTheRowLevelTest(string name)
    {
        var c = Case("welch", name);
        var alpha = c.GetProperty("alpha").GetDouble();
        var champion = Numbers(c.GetProperty("champion"));
        var challenger = Numbers(c.GetProperty("challenger"));

        var rows = AbTests.Welch("mae", champion, challenger, alpha);
        var merged = AbTests.Welch("mae", MergedBatches(champion, seed: 1), MergedBatches(challenger, seed: 2), alpha);
        var e = c.GetProperty("expected");

        Assert.Equal(rows.ChampionCount, merged.ChampionCount);
        Assert.Equal(rows.ChallengerCount, merged.ChallengerCount);
        foreach (var (key, row, summary) in new[]
        {
            ("champion", rows.Champion, merged.Champion), ("challenger", rows.Challenger, merged.Challenger), ("difference", rows.Difference, merged.Difference),
            ("confidenceLow", rows.ConfidenceLow, merged.ConfidenceLow), ("confidenceHigh", rows.ConfidenceHigh, merged.ConfidenceHigh),
            ("statistic", rows.Statistic, merged.Statistic), ("degreesOfFreedom", rows.DegreesOfFreedom!.Value, merged.DegreesOfFreedom!.Value), ("pValue", rows.PValue, merged.PValue),
        })
        {
            Assert.True(Math.Abs(row - summary) <= 1e-9 * Math.Max(1, Math.Abs(row)), $"{key}: rows {row:R}, merged batches {summary:R}");
            Near(e, key, summary);
        }
    }

    /// <summary>The moments of the values cut into batches of 1 to a third of the values (seeded), merged in order.</summary>
    private static Moments MergedBatches(double[] values, int seed)
    {
        var random = new Random(seed);
        var total = Moments.Empty;
        for (var from = 0; from < values.Length;)
        {
            var size = Math.Min(values.Length - from, 1 + random.Next(Math.Max(1, values.Length / 3)));
            total = total.Merge(Moments.Of(values.AsSpan(from, size)));
            from += size;
        }
        return total;
    }

    [Theory]
    [MemberData(nameof(Names), "sampleRatio")]
    public void SampleRatio_FixtureCase_MatchesScipyChisquare(string name)
    {
        var c = Case("sampleRatio", name);

        var actual = AbTests.SampleRatio(c.GetProperty("championCount").GetInt64(), c.GetProperty("challengerCount").GetInt64(),
            c.GetProperty("challengerShare").GetDouble());
        var e = c.GetProperty("expected");

        Assert.Equal(c.GetProperty("championCount").GetInt64(), actual.ChampionCount);
        Assert.Equal(c.GetProperty("challengerCount").GetInt64(), actual.ChallengerCount);
        Assert.Equal(c.GetProperty("challengerShare").GetDouble(), actual.ExpectedChallengerShare);
        Near(e, "chiSquare", actual.ChiSquare);
        Near(e, "pValue", actual.PValue);
        Assert.Equal(e.GetProperty("pValue").GetDouble() < 0.001, actual.Mismatch);
    }

    [Theory]
    [MemberData(nameof(Names), "holm")]
    public void Holm_FixtureCase_MatchesStatsmodelsMultipletests(string name)
    {
        var c = Case("holm", name);

        var actual = AbTests.Holm(Numbers(c.GetProperty("pValues")));

        var expected = Numbers(c.GetProperty("expected"));
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= Tolerance, $"[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
    }

    [Fact]
    public void HolmAdjust_TwoProportionFamily_MatchesStatsmodelsAndLeavesNaNOut()
    {
        var cases = Fixture.GetProperty("twoProportion").EnumerateArray().ToList();
        var comparisons = cases.Select(c => AbTests.TwoProportionZ(c.GetProperty("name").GetString()!,
            Rate(c.GetProperty("champion")), Rate(c.GetProperty("challenger")), c.GetProperty("alpha").GetDouble())).ToList();

        var adjusted = AbTests.HolmAdjust(comparisons);

        var expected = Fixture.GetProperty("holmOverTwoProportion");
        Assert.Equal(comparisons.Count, adjusted.Count);
        Assert.Contains(adjusted, a => double.IsNaN(a.PValue));
        for (var i = 0; i < adjusted.Count; i++)
        {
            Assert.Equal(comparisons[i].Metric, adjusted[i].Metric);
            Assert.Equal(comparisons[i] with { AdjustedPValue = adjusted[i].AdjustedPValue }, adjusted[i]);
            Assert.NotNull(adjusted[i].AdjustedPValue);
            NearOrNaN(expected, comparisons[i].Metric, adjusted[i].AdjustedPValue!.Value);
        }
    }

    [Theory]
    [MemberData(nameof(Names), "sampleSize")]
    public void SampleSize_FixtureCase_MatchesStatsmodelsNormalIndPower(string name)
    {
        var c = Case("sampleSize", name);
        var alpha = c.GetProperty("alpha").GetDouble();
        var power = c.GetProperty("power").GetDouble();
        var share = c.GetProperty("challengerShare").GetDouble();
        var mde = c.GetProperty("minimumDetectableEffect").GetDouble();

        var actual = c.GetProperty("kind").GetString() == "Rate"
            ? AbTests.SampleSizeForRate(c.GetProperty("baselineRate").GetDouble(), mde, alpha, power, share)
            : AbTests.SampleSizeForMean(c.GetProperty("standardDeviation").GetDouble(), mde, alpha, power, share);
        var e = c.GetProperty("expected");

        Near(e, "effectSize", actual.EffectSize);
        Near(e, "nobs1", actual.ChampionExact);
        Near(e, "nobs2", actual.ChallengerExact);
        if (e.GetProperty("statsmodelsNobs1").ValueKind != JsonValueKind.Null)
        {
            var statsmodels = e.GetProperty("statsmodelsNobs1").GetDouble();
            Assert.True(Math.Abs(actual.ChampionExact - statsmodels) <= StatsmodelsSolveTolerance,
                $"solve_power nobs1 {statsmodels:R} vs exact {actual.ChampionExact:R}");
        }
        Assert.Equal(e.GetProperty("championNeeded").GetInt64(), actual.ChampionNeeded);
        Assert.Equal(e.GetProperty("challengerNeeded").GetInt64(), actual.ChallengerNeeded);
        Assert.Equal(actual.ChampionNeeded + actual.ChallengerNeeded, actual.TotalNeeded);
        Assert.Equal(alpha, actual.Alpha);
        Assert.Equal(power, actual.Power);
    }

    // ---- two-proportion z edge cases --------------------------------------------------------------------------------

    [Fact]
    public void RateSample_Rate_IsSuccessesOverTrialsOrNaNWithoutTrials()
    {
        Assert.Equal(0.75, new RateSample(3, 4).Rate);
        Assert.True(double.IsNaN(new RateSample(0, 0).Rate));
    }

    [Theory]
    [InlineData(0, 10, "champion")]
    [InlineData(10, 0, "challenger")]
    public void TwoProportionZ_ArmWithZeroTrials_ThrowsNamingTheArm(long championTrials, long challengerTrials, string arm)
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            AbTests.TwoProportionZ("accuracy", new RateSample(0, championTrials), new RateSample(0, challengerTrials), 0.05));

        Assert.Equal(arm, ex.ParamName);
        Assert.StartsWith($"The two-proportion z-test needs at least 1 trial per arm; the {arm} arm has 0.", ex.Message);
    }

    [Theory]
    [InlineData(11, 10)]
    [InlineData(-1, 10)]
    [InlineData(0, -5)]
    public void TwoProportionZ_ImpossibleCounts_ThrowsOutOfRange(long successes, long trials)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            AbTests.TwoProportionZ("accuracy", new RateSample(5, 10), new RateSample(successes, trials), 0.05));

        Assert.Equal("challenger", ex.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.05)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void TwoProportionZ_AlphaOutsideZeroOne_ThrowsOutOfRange(double alpha)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            AbTests.TwoProportionZ("accuracy", new RateSample(5, 10), new RateSample(6, 10), alpha));

        Assert.Equal("alpha", ex.ParamName);
        Assert.Contains("alpha must be in (0, 1)", ex.Message);
    }

    [Theory]
    [InlineData(0, 100, 0, 80)]
    [InlineData(100, 100, 80, 80)]
    public void TwoProportionZ_BothRatesZeroOrOne_StatisticAndPValueNaNAndNotSignificant(long c1, long n1, long c2, long n2)
    {
        var actual = AbTests.TwoProportionZ("accuracy", new RateSample(c1, n1), new RateSample(c2, n2), 0.05);

        Assert.True(double.IsNaN(actual.Statistic));
        Assert.True(double.IsNaN(actual.PValue));
        Assert.Equal(0.0, actual.Difference);
        Assert.Equal(0.0, actual.ConfidenceLow);
        Assert.Equal(0.0, actual.ConfidenceHigh);
        Assert.False(actual.Significant);
    }

    [Fact]
    public void TwoProportionZ_ChampionRateZero_RelativeDifferenceNull()
    {
        var actual = AbTests.TwoProportionZ("accuracy", new RateSample(0, 50), new RateSample(4, 60), 0.05);

        Assert.Null(actual.RelativeDifference);
        Assert.Equal(4.0 / 60, actual.Difference, 15);
    }

    // ---- Welch edge cases -------------------------------------------------------------------------------------------

    [Fact]
    public void Welch_ChallengerWithOneObservation_ThrowsWithClearMessage()
    {
        var ex = Assert.Throws<ArgumentException>(() => AbTests.Welch("mae", [1.0, 2.0, 3.0], [4.0], 0.05));

        Assert.Equal("challenger", ex.ParamName);
        Assert.StartsWith("Welch's t-test needs at least 2 observations per arm; the challenger arm has 1.", ex.Message);
    }

    [Fact]
    public void Welch_EmptyChampion_ThrowsWithClearMessage()
    {
        var ex = Assert.Throws<ArgumentException>(() => AbTests.Welch("mae", [], [4.0, 5.0], 0.05));

        Assert.Equal("champion", ex.ParamName);
        Assert.StartsWith("Welch's t-test needs at least 2 observations per arm; the champion arm has 0.", ex.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Welch_NonFiniteValue_ThrowsArgumentException(double bad)
    {
        var ex = Assert.Throws<ArgumentException>(() => AbTests.Welch("mae", [1.0, bad, 3.0], [4.0, 5.0], 0.05));

        Assert.Equal("champion", ex.ParamName);
        Assert.Contains("value 1 of the champion arm", ex.Message);
    }

    [Theory]
    [InlineData(2.0, 2.0)]
    [InlineData(2.0, 3.5)]
    public void Welch_BothVariancesZero_StatisticPValueAndDfNaNAndIntervalIsTheDifference(double championValue, double challengerValue)
    {
        var actual = AbTests.Welch("mae", [championValue, championValue, championValue], [challengerValue, challengerValue], 0.05);

        Assert.Equal(challengerValue - championValue, actual.Difference);
        Assert.Equal(actual.Difference, actual.ConfidenceLow);
        Assert.Equal(actual.Difference, actual.ConfidenceHigh);
        Assert.True(double.IsNaN(actual.Statistic));
        Assert.True(double.IsNaN(actual.PValue));
        Assert.NotNull(actual.DegreesOfFreedom);
        Assert.True(double.IsNaN(actual.DegreesOfFreedom.Value));
        Assert.False(actual.Significant);
        Assert.Equal(3, actual.ChampionCount);
        Assert.Equal(2, actual.ChallengerCount);
    }

    [Fact]
    public void Welch_ChampionMeanZero_RelativeDifferenceNull()
    {
        var actual = AbTests.Welch("mean error", [-1.0, 1.0], [1.0, 2.0], 0.05);

        Assert.Equal(0.0, actual.Champion);
        Assert.Null(actual.RelativeDifference);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Welch_AlphaOutsideZeroOne_ThrowsOutOfRange(double alpha)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => AbTests.Welch("mae", [1.0, 2.0], [3.0, 5.0], alpha));

        Assert.Equal("alpha", ex.ParamName);
    }

    // ---- sample ratio -----------------------------------------------------------------------------------------------

    [Fact]
    public void SampleRatio_StrongAndSlightImbalance_OnlyStrongIsAMismatch()
    {
        Assert.True(AbTests.SampleRatio(5200, 4800, 0.5).Mismatch);
        Assert.False(AbTests.SampleRatio(5050, 4950, 0.5).Mismatch);
        Assert.Equal(0.001, SampleRatioCheck.Threshold);
    }

    [Fact]
    public void SampleRatio_NoRowsYet_NaNAndNoMismatch()
    {
        var actual = AbTests.SampleRatio(0, 0, 0.5);

        Assert.True(double.IsNaN(actual.ChiSquare));
        Assert.True(double.IsNaN(actual.PValue));
        Assert.False(actual.Mismatch);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.2)]
    [InlineData(double.NaN)]
    public void SampleRatio_ShareOutsideZeroOne_ThrowsOutOfRange(double share)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => AbTests.SampleRatio(100, 100, share));

        Assert.Equal("challengerShare", ex.ParamName);
    }

    [Fact]
    public void SampleRatio_NegativeCount_ThrowsOutOfRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => AbTests.SampleRatio(100, -1, 0.5));

        Assert.Equal("challengerCount", ex.ParamName);
    }

    // ---- Holm ---------------------------------------------------------------------------------------------------------

    [Fact]
    public void Holm_NoPValues_ReturnsEmpty()
    {
        Assert.Empty(AbTests.Holm([]));
        Assert.Empty(AbTests.HolmAdjust([]));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    public void Holm_PValueOutsideZeroOne_ThrowsArgumentException(double bad)
    {
        var ex = Assert.Throws<ArgumentException>(() => AbTests.Holm([0.01, bad]));

        Assert.Equal("pValues", ex.ParamName);
    }

    [Fact]
    public void HolmAdjust_TwoRawSignificantResults_AdjustedAboveAlphaAreNotSignificant()
    {
        var a = Comparison("accuracy", 0.03);
        var b = Comparison("f1", 0.04);
        Assert.True(a.Significant);
        Assert.True(b.Significant);

        var adjusted = AbTests.HolmAdjust([a, b]);

        Assert.Equal(0.06, adjusted[0].AdjustedPValue!.Value, 12);
        Assert.Equal(0.06, adjusted[1].AdjustedPValue!.Value, 12);
        Assert.False(adjusted[0].Significant);
        Assert.False(adjusted[1].Significant);
        Assert.Null(a.AdjustedPValue);
    }

    [Fact]
    public void HolmAdjust_NaNPValue_StaysNaNAndIsNotCountedInTheFamily()
    {
        var adjusted = AbTests.HolmAdjust([Comparison("accuracy", 0.02), Comparison("recall", double.NaN), Comparison("f1", 0.01)]);

        Assert.Equal(0.02, adjusted[0].AdjustedPValue!.Value, 12); // family of 2: 0.01·2 = 0.02, max(0.02, 0.02·1)
        Assert.True(double.IsNaN(adjusted[1].AdjustedPValue!.Value));
        Assert.Equal(0.02, adjusted[2].AdjustedPValue!.Value, 12);
        Assert.False(adjusted[1].Significant);
    }

    // ---- sample size --------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(0.0, 0.8, 0.5, "alpha")]
    [InlineData(1.0, 0.8, 0.5, "alpha")]
    [InlineData(0.05, 0.0, 0.5, "power")]
    [InlineData(0.05, 1.0, 0.5, "power")]
    [InlineData(0.05, 0.04, 0.5, "power")]
    [InlineData(0.05, 0.8, 0.0, "challengerShare")]
    [InlineData(0.05, 0.8, 1.0, "challengerShare")]
    public void SampleSize_ProbabilityOutOfRange_ThrowsNamingTheParameter(double alpha, double power, double share, string param)
    {
        var rate = Assert.Throws<ArgumentOutOfRangeException>(() => AbTests.SampleSizeForRate(0.1, 0.02, alpha, power, share));
        var mean = Assert.Throws<ArgumentOutOfRangeException>(() => AbTests.SampleSizeForMean(1.0, 0.1, alpha, power, share));

        Assert.Equal(param, rate.ParamName);
        Assert.Equal(param, mean.ParamName);
    }

    [Theory]
    [InlineData(0.1, 0.0, "minimumDetectableEffect")]
    [InlineData(0.1, double.NaN, "minimumDetectableEffect")]
    [InlineData(0.95, 0.1, "minimumDetectableEffect")]
    [InlineData(0.05, -0.1, "minimumDetectableEffect")]
    [InlineData(-0.1, 0.2, "baselineRate")]
    [InlineData(1.2, -0.3, "baselineRate")]
    public void SampleSizeForRate_InvalidRateOrEffect_ThrowsNamingTheParameter(double baseline, double mde, string param)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => AbTests.SampleSizeForRate(baseline, mde, 0.05, 0.8, 0.5));

        Assert.Equal(param, ex.ParamName);
    }

    [Theory]
    [InlineData(1.0, 0.0, "minimumDetectableEffect")]
    [InlineData(0.0, 0.1, "standardDeviation")]
    [InlineData(-1.0, 0.1, "standardDeviation")]
    [InlineData(double.PositiveInfinity, 0.1, "standardDeviation")]
    public void SampleSizeForMean_InvalidDeviationOrEffect_ThrowsNamingTheParameter(double sd, double mde, string param)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => AbTests.SampleSizeForMean(sd, mde, 0.05, 0.8, 0.5));

        Assert.Equal(param, ex.ParamName);
    }

    [Fact]
    public void SampleSizeForRate_NegativeEffect_SameAsPositiveEffectOfTheSameSize()
    {
        // Cohen's h is not symmetric in the baseline, so compare 0.12 → 0.10 with 0.10 → 0.12.
        var down = AbTests.SampleSizeForRate(0.12, -0.02, 0.05, 0.8, 0.5);
        var up = AbTests.SampleSizeForRate(0.10, 0.02, 0.05, 0.8, 0.5);

        Assert.Equal(up.EffectSize, down.EffectSize, 12);
        Assert.Equal(up.ChampionNeeded, down.ChampionNeeded);
    }

    [Theory]
    [InlineData(50, 25, 0.5)]
    [InlineData(100, 10, 0.4)]
    [InlineData(100, 25, 1.0)]
    [InlineData(400, 100, 1.0)]
    [InlineData(0, 25, 0.0)]
    [InlineData(-10, 25, 0.0)]
    [InlineData(75, 20, 0.75)]
    public void Progress_HaveAgainstNeeded_SmallerShareCappedToZeroOne(long championHave, long challengerHave, double expected)
    {
        var plan = new SampleSizePlan(0.1, 100, 25, 0.05, 0.8);

        Assert.Equal(expected, plan.Progress(championHave, challengerHave), 12);
    }

    [Fact]
    public void Progress_OfAFixturePlan_UsesTheCeiledCounts()
    {
        var plan = AbTests.SampleSizeForRate(0.10, 0.02, 0.05, 0.8, 0.2); // 9587 champion, 2397 challenger

        Assert.Equal(2000.0 / 2397, plan.Progress(9587, 2000), 12);
        Assert.Equal(1.0, plan.Progress(9587, 2397));
        Assert.True(plan.Progress(9586, 2397) < 1.0);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------------

    private static ArmComparison Comparison(string metric, double pValue) =>
        new(metric, ComparisonKind.Rate, 0.5, 0.55, 1000, 1000, 0.05, 0.1, 0.01, 0.09, 2.0, null, pValue, null, 0.05);

    private static RateSample Rate(JsonElement arm) =>
        new(arm.GetProperty("successes").GetInt64(), arm.GetProperty("trials").GetInt64());

    private static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static void Near(JsonElement expected, string key, double actual)
    {
        var e = expected.GetProperty(key).GetDouble();
        var error = Math.Abs(actual - e);
        var ok = error <= Tolerance && (Math.Abs(e) >= RelativeBelow || error <= Tolerance * Math.Abs(e));
        Assert.True(ok, $"{key}: expected {e:R}, got {actual:R}");
    }

    private static void NearOrNaN(JsonElement expected, string key, double actual)
    {
        if (expected.GetProperty(key).ValueKind == JsonValueKind.Null)
            Assert.True(double.IsNaN(actual), $"{key}: expected NaN, got {actual:R}");
        else
            Near(expected, key, actual);
    }

    private static void NearOrNull(JsonElement expected, string key, double? actual)
    {
        if (expected.GetProperty(key).ValueKind == JsonValueKind.Null)
        {
            Assert.Null(actual);
            return;
        }
        Assert.NotNull(actual);
        Near(expected, key, actual.Value);
    }
}
