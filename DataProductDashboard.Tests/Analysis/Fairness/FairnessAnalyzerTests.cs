using System.Text.Json;
using DataProductDashboard.Analysis.Fairness;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Analysis.Fairness;

/// <summary>The fairness engine against numpy 1.24.2 values in Fixtures/fairness.json (made by
/// Fixtures/generate_fairness_fixtures.py from the same rows), to 1e-9; and its bootstrap's own properties.</summary>
public sealed class FairnessAnalyzerTests
{
    private const double Tolerance = 1e-9;

    private static readonly JsonElement Fixture = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(RepoPaths.Root, "DataProductDashboard.Tests", "Fixtures", "fairness.json"))).RootElement;

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixture.GetProperty("cases").EnumerateArray())
            data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    private static JsonElement Case(string name) =>
        Fixture.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    /// <summary>The rows of a case, counted into each group's confusion counts.</summary>
    internal static List<(string Group, GroupConfusion Counts)> Counts(JsonElement c)
    {
        var rows = c.GetProperty("rows");
        var groups = rows.GetProperty("group").EnumerateArray().Select(g => g.GetString()!).ToArray();
        var labels = rows.GetProperty("label").EnumerateArray().Select(v => v.GetInt32() == 1).ToArray();
        var predicted = rows.GetProperty("predicted").EnumerateArray().Select(v => v.GetInt32() == 1).ToArray();
        var counts = new Dictionary<string, GroupConfusion>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Length; i++)
            counts[groups[i]] = counts.GetValueOrDefault(groups[i]).Add(predicted[i], labels[i]);
        return counts.Select(p => (p.Key, p.Value)).ToList();
    }

    private static void Near(JsonElement expected, double actual, string what)
    {
        if (expected.ValueKind == JsonValueKind.Null)
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual}");
        else
            Assert.True(Math.Abs(expected.GetDouble() - actual) <= Tolerance, $"{what}: expected {expected.GetDouble():R}, got {actual:R}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Analyze_FixtureCase_GroupRatesMatchNumpy(string name)
    {
        var c = Case(name);
        var result = FairnessAnalyzer.Analyze(c.GetProperty("attribute").GetString()!, Counts(c), c.GetProperty("minSupport").GetInt32(), resamples: 0);
        var expected = c.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(expected.Select(g => g.GetProperty("group").GetString()), result.Groups.Select(g => g.Group));
        foreach (var (e, g) in expected.Zip(result.Groups))
        {
            Assert.Equal(e.GetProperty("support").GetInt64(), g.Support);
            Assert.Equal(g.Support >= 30, g.Judged);
            Near(e.GetProperty("selectionRate"), g.SelectionRate, $"{g.Group} selection rate");
            Near(e.GetProperty("truePositiveRate"), g.TruePositiveRate, $"{g.Group} TPR");
            Near(e.GetProperty("falsePositiveRate"), g.FalsePositiveRate, $"{g.Group} FPR");
            Near(e.GetProperty("precision"), g.Precision, $"{g.Group} precision");
            Near(e.GetProperty("accuracy"), g.Accuracy, $"{g.Group} accuracy");
            Near(e.GetProperty("disparateImpact"), g.DisparateImpact, $"{g.Group} disparate impact");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Analyze_FixtureCase_MetricsMatchNumpy(string name)
    {
        var c = Case(name);
        var result = FairnessAnalyzer.Analyze(c.GetProperty("attribute").GetString()!, Counts(c), c.GetProperty("minSupport").GetInt32(), resamples: 0);
        foreach (var metric in FairnessMetrics.Names)
            Near(c.GetProperty("metrics").GetProperty(metric), result.Metric(metric)!.Value, metric);
    }

    [Fact]
    public void Analyze_SameSeed_SameIntervals()
    {
        var counts = Counts(Case("four groups, one too small"));
        var first = FairnessAnalyzer.Analyze("sex", counts, seed: 7);
        var second = FairnessAnalyzer.Analyze("sex", counts, seed: 7);
        var other = FairnessAnalyzer.Analyze("sex", counts, seed: 8);
        Assert.Equal(first.Metrics, second.Metrics);
        Assert.NotEqual(first.Metrics.Select(m => m.CiLow), other.Metrics.Select(m => m.CiLow));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Analyze_FixtureCase_IntervalsHoldTheFullSampleValue(string name)
    {
        var c = Case(name);
        var result = FairnessAnalyzer.Analyze(c.GetProperty("attribute").GetString()!, Counts(c));
        Assert.Equal(1000, result.Resamples);
        foreach (var m in result.Metrics.Where(m => double.IsFinite(m.Value)))
        {
            Assert.True(m.CiLow <= m.Value && m.Value <= m.CiHigh, $"{m.Name}: {m.Value} outside [{m.CiLow}, {m.CiHigh}]");
            Assert.True(m.CiHigh - m.CiLow > 0.005, $"{m.Name}: an interval of a few hundred rows cannot be that narrow");
        }
    }

    [Fact]
    public void Analyze_BootstrapWidth_ShrinksWithTheSquareRootOfTheRows()
    {
        var small = new List<(string, GroupConfusion)> { ("a", new(60, 40, 80, 20)), ("b", new(40, 30, 100, 30)) };
        var large = small.Select(g => (g.Item1, new GroupConfusion(g.Item2.TruePositive * 100, g.Item2.FalsePositive * 100,
            g.Item2.TrueNegative * 100, g.Item2.FalseNegative * 100))).ToList();
        var width = (FairnessResult r) => r.Metric(FairnessMetrics.DemographicParityDifference)! is var m ? m.CiHigh - m.CiLow : 0;
        var ratio = width(FairnessAnalyzer.Analyze("x", small)) / width(FairnessAnalyzer.Analyze("x", large));
        Assert.InRange(ratio, 8, 12.5); // √100 = 10, give or take the Monte-Carlo error of 1,000 resamples
    }

    [Fact]
    public void Analyze_OneJudgedGroup_MetricsNaNAndNoSentence()
    {
        var result = FairnessAnalyzer.Analyze("sex", [("female", new(10, 5, 20, 5)), ("male", new(1, 1, 1, 1))]);
        Assert.All(result.Metrics, m => Assert.True(double.IsNaN(m.Value) && double.IsNaN(m.CiLow)));
        Assert.False(result.Groups.Single(g => g.Group == "male").Judged);
        Assert.Null(FairnessAnalyzer.Sentence(result, "good"));
    }

    [Fact]
    public void Sentence_BelowFourFifths_NamesBothGroupsRatioAndRule()
    {
        var result = FairnessAnalyzer.Analyze("sex", [("female", new(150, 50, 500, 300)), ("male", new(400, 100, 400, 100))]);
        var sentence = FairnessAnalyzer.Sentence(result, "approved");
        // female selection 0.2, male 0.5: 0.40×
        Assert.StartsWith("Share predicted 'approved' for sex = female (0.20) is 0.40× that for sex = male (0.50) (95 % CI 0.", sentence);
        Assert.EndsWith("below the four-fifths rule (0.80).", sentence);
    }

    [Fact]
    public void Percentile_MatchesNumpyLinear()
    {
        // numpy.percentile([1, 2, 3, 4, 10], [2.5, 50, 97.5]) = [1.1, 3.0, 9.4]
        double[] values = [4, 1, 10, 3, 2];
        Assert.Equal(1.1, FairnessAnalyzer.Percentile(values, 2.5), 12);
        Assert.Equal(3.0, FairnessAnalyzer.Percentile(values, 50), 12);
        Assert.Equal(9.4, FairnessAnalyzer.Percentile(values, 97.5), 12);
    }
}
