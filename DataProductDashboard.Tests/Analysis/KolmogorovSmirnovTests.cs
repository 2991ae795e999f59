using System.Diagnostics;
using System.Text.Json;
using DataProductDashboard.Analysis.Statistics;
using Xunit.Abstractions;

namespace DataProductDashboard.Tests.Analysis;

/// <summary>
/// The C# two-sample KS test against scipy 1.10.1 <c>ks_2samp(..., 'two-sided', 'auto')</c> reference values in
/// Fixtures/ks_2samp.json (produced by Fixtures/generate_ks_fixtures.py; see Fixtures/README.md).
/// Tolerance: 1e-6 absolute, and additionally 1e-6 relative when the reference p-value is below 1e-3.
/// </summary>
public sealed class KolmogorovSmirnovTests(ITestOutputHelper output)
{
    private const double AbsTolerance = 1e-6;
    private const double RelTolerance = 1e-6;
    private const double RelativeBelow = 1e-3;

    private static readonly Lazy<Fixture> Data = new(LoadFixture);

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Data.Value.Cases)
            data.Add(c.Name);
        return data;
    }

    public static TheoryData<string> KstwoRegimes()
    {
        var data = new TheoryData<string>();
        foreach (var regime in Data.Value.KstwoSf.Select(p => p.Regime).Distinct())
            data.Add(regime);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void TwoSample_ScipyFixtureCase_MatchesStatisticPValueAndMethod(string name)
    {
        var c = Data.Value.Cases.Single(x => x.Name == name);

        var result = KolmogorovSmirnov.TwoSample(c.Data1, c.Data2);

        output.WriteLine($"{c.Name} [{c.Regime}] D={result.Statistic:R} (scipy {c.Statistic:R}) p={result.PValue:R} (scipy {c.PValue:R})");
        Assert.Equal(Enum.Parse<KsMethod>(c.Method), result.Method);
        AssertClose(c.Statistic, result.Statistic, "statistic");
        AssertClose(c.PValue, result.PValue, "p-value");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void TwoSample_SamplesSwapped_SameResult(string name)
    {
        var c = Data.Value.Cases.Single(x => x.Name == name);

        var forward = KolmogorovSmirnov.TwoSample(c.Data1, c.Data2);
        var swapped = KolmogorovSmirnov.TwoSample(c.Data2, c.Data1);

        Assert.Equal(forward, swapped);
    }

    [Theory]
    [MemberData(nameof(KstwoRegimes))]
    public void KstwoSf_ScipyFixtureRegime_MatchesEveryPoint(string regime)
    {
        var points = Data.Value.KstwoSf.Where(p => p.Regime == regime).ToList();
        double maxAbs = 0, maxRel = 0;
        foreach (var p in points)
        {
            var actual = KolmogorovDistribution.Sf(p.N, p.X);
            AssertClose(p.Sf, actual, $"kstwo.sf(x={p.X:R}, n={p.N})");
            maxAbs = Math.Max(maxAbs, Math.Abs(actual - p.Sf));
            if (p.Sf > 0)
                maxRel = Math.Max(maxRel, Math.Abs(actual - p.Sf) / p.Sf);
        }
        output.WriteLine($"{regime}: {points.Count} points, max abs error {maxAbs:E2}, max rel error {maxRel:E2}");
    }

    [Fact]
    public void SmirnovSf_ScipyFixturePoints_MatchEveryPoint()
    {
        double maxAbs = 0, maxRel = 0;
        foreach (var p in Data.Value.SmirnovSf)
        {
            var actual = Smirnov.Sf(p.N, p.X);
            AssertClose(p.Sf, actual, $"smirnov(n={p.N}, x={p.X:R})");
            maxAbs = Math.Max(maxAbs, Math.Abs(actual - p.Sf));
            if (p.Sf > 0)
                maxRel = Math.Max(maxRel, Math.Abs(actual - p.Sf) / p.Sf);
        }
        output.WriteLine($"smirnov: {Data.Value.SmirnovSf.Count} points, max abs error {maxAbs:E2}, max rel error {maxRel:E2}");
    }

    [Fact]
    public void TwoSample_AllFixtureCases_ReportsMaxErrorPerRegime()
    {
        foreach (var group in Data.Value.Cases.GroupBy(c => c.Regime))
        {
            double statAbs = 0, pAbs = 0, pRel = 0;
            foreach (var c in group)
            {
                var r = KolmogorovSmirnov.TwoSample(c.Data1, c.Data2);
                statAbs = Math.Max(statAbs, Math.Abs(r.Statistic - c.Statistic));
                pAbs = Math.Max(pAbs, Math.Abs(r.PValue - c.PValue));
                if (c.PValue > 0)
                    pRel = Math.Max(pRel, Math.Abs(r.PValue - c.PValue) / c.PValue);
            }
            output.WriteLine($"{group.Key}: {group.Count()} cases, statistic max abs {statAbs:E2}, p max abs {pAbs:E2}, p max rel {pRel:E2}");
            Assert.True(statAbs <= AbsTolerance);
            Assert.True(pAbs <= AbsTolerance);
        }
    }

    [Fact]
    public void TwoSample_EmptyReference_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.TwoSample(ReadOnlySpan<double>.Empty, new double[] { 1.0 }));
    }

    [Fact]
    public void TwoSample_EmptyCurrent_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.TwoSample(new double[] { 1.0 }, ReadOnlySpan<double>.Empty));
    }

    [Fact]
    public void TwoSample_UnsortedInput_LeavesCallerArraysUntouched()
    {
        double[] reference = [3, 1, 2];
        double[] current = [9, 7, 8, 0];

        KolmogorovSmirnov.TwoSample(reference, current);

        Assert.Equal([3.0, 1, 2], reference);
        Assert.Equal([9.0, 7, 8, 0], current);
    }

    [Fact]
    public void TwoSample_ThousandVersusMillion_FinishesWithinSeconds()
    {
        var rng = new Random(7);
        var reference = new double[1000];
        var current = new double[1_000_000];
        for (var i = 0; i < reference.Length; i++)
            reference[i] = rng.NextDouble();
        for (var i = 0; i < current.Length; i++)
            current[i] = rng.NextDouble();

        var watch = Stopwatch.StartNew();
        var result = KolmogorovSmirnov.TwoSample(reference, current);
        watch.Stop();

        output.WriteLine($"1,000 vs 1,000,000: {watch.ElapsedMilliseconds} ms, D={result.Statistic}, p={result.PValue}");
        Assert.Equal(KsMethod.Asymptotic, result.Method);
        Assert.InRange(result.PValue, 0.0, 1.0);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void TwoSample_BothAtExactLimit_FinishesWithinSeconds()
    {
        var rng = new Random(11);
        var reference = new double[10000];
        var current = new double[9999];
        for (var i = 0; i < reference.Length; i++)
            reference[i] = rng.NextDouble();
        for (var i = 0; i < current.Length; i++)
            current[i] = rng.NextDouble() * 0.9;

        var watch = Stopwatch.StartNew();
        var result = KolmogorovSmirnov.TwoSample(reference, current);
        watch.Stop();

        output.WriteLine($"10,000 vs 9,999 exact: {watch.ElapsedMilliseconds} ms, D={result.Statistic}, p={result.PValue}");
        Assert.Equal(KsMethod.Exact, result.Method);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        var diff = Math.Abs(actual - expected);
        Assert.True(diff <= AbsTolerance, $"{what}: expected {expected:R}, got {actual:R} (abs error {diff:E3})");
        if (expected < RelativeBelow)
            Assert.True(diff <= RelTolerance * expected, $"{what}: expected {expected:R}, got {actual:R} (rel error {diff / expected:E3})");
    }

    private static Fixture LoadFixture()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "ks_2samp.json");
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<Fixture>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web)
                   { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })
               ?? throw new InvalidOperationException("Empty fixture file " + path);
    }

    private sealed record Fixture(List<KsCase> Cases, List<SfPoint> KstwoSf, List<SfPoint> SmirnovSf);

    private sealed record KsCase(string Name, string Method, string Regime, double Statistic, [property: System.Text.Json.Serialization.JsonPropertyName("pvalue")] double PValue, int N1, int N2, double[] Data1, double[] Data2);

    private sealed record SfPoint(int N, double X, double Sf, string Regime);
}
