using System.Text.Json;
using DataProductDashboard.Analysis.Metrics;
using DataProductDashboard.Analysis.Models;
using DataProductDashboard.Analysis.Statistics;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Analysis;

/// <summary>Versions compared on the same rows, against scipy 1.10.1 / scikit-learn 1.2.1 / statsmodels 0.13.5
/// reference values in Fixtures/comparison.json (made by Fixtures/generate_comparison_fixtures.py): McNemar, DeLong,
/// the paired t-test, agreement; and the paired bootstrap's own properties.</summary>
public sealed class ModelComparisonTests
{
    private const double Tolerance = 1e-6;

    private static readonly JsonElement Fixture = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(RepoPaths.Root, "DataProductDashboard.Tests", "Fixtures", "comparison.json"))).RootElement;

    public static TheoryData<string> ClassificationCases() => [.. Fixture.GetProperty("classification").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    public static TheoryData<string> RegressionCases() => [.. Fixture.GetProperty("regression").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    private static JsonElement Case(string group, string name) => Fixture.GetProperty(group).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static double[] Numbers(JsonElement c, string property) => [.. c.GetProperty(property).EnumerateArray().Select(v => v.GetDouble())];

    private static double[] Classes(double[] scores) => [.. scores.Select(s => s >= 0.5 ? 1.0 : 0.0)];

    [Theory]
    [MemberData(nameof(ClassificationCases))]
    public void McNemar_FixtureCase_MatchesStatsmodels(string name)
    {
        var c = Case("classification", name);
        var expected = c.GetProperty("mcnemar");
        int b = expected.GetProperty("b").GetInt32(), cc = expected.GetProperty("c").GetInt32();

        var result = McNemar.Test(b, cc);

        var exact = b + cc < McNemar.ExactBelow;
        Assert.Equal(exact, result.Exact);
        Assert.Equal(expected.GetProperty(exact ? "exactP" : "approxP").GetDouble(), result.PValue, Tolerance);
        Assert.Equal(expected.GetProperty(exact ? "exactStatistic" : "approxStatistic").GetDouble(), result.Statistic, Tolerance);
    }

    [Theory]
    [InlineData(3, 12)]
    [InlineData(40, 20)]
    [InlineData(0, 0)]
    public void McNemar_SwappedVersions_GiveTheSameP(int b, int c) =>
        Assert.Equal(McNemar.Test(b, c).PValue, McNemar.Test(c, b).PValue, 12);

    [Theory]
    [MemberData(nameof(ClassificationCases))]
    public void DeLong_FixtureCase_MatchesTheDefinitionAndSklearnAuc(string name)
    {
        var c = Case("classification", name);
        var expected = c.GetProperty("delong");

        var result = DeLong.Test(Numbers(c, "labels"), Numbers(c, "scoresA"), Numbers(c, "scoresB"));

        Assert.Equal(expected.GetProperty("aucA").GetDouble(), result.AucBaseline, Tolerance);
        Assert.Equal(expected.GetProperty("aucB").GetDouble(), result.AucOther, Tolerance);
        Assert.Equal(expected.GetProperty("varA").GetDouble(), result.VarianceBaseline, 1e-9);
        Assert.Equal(expected.GetProperty("varB").GetDouble(), result.VarianceOther, 1e-9);
        Assert.Equal(expected.GetProperty("cov").GetDouble(), result.Covariance, 1e-9);
        Assert.Equal(expected.GetProperty("z").GetDouble(), result.Z, Tolerance);
        Assert.Equal(expected.GetProperty("p").GetDouble(), result.PValue, Tolerance);
    }

    [Fact]
    public void DeLong_SameScores_HasPOfOne()
    {
        double[] labels = [0, 1, 0, 1, 1, 0], scores = [0.1, 0.9, 0.4, 0.35, 0.8, 0.2];

        var result = DeLong.Test(labels, scores, scores);

        Assert.Equal(1, result.PValue);
        Assert.Equal(result.AucBaseline, result.AucOther);
    }

    [Theory]
    [MemberData(nameof(RegressionCases))]
    public void PairedT_FixtureCase_MatchesScipyTtestRel(string name)
    {
        var c = Case("regression", name);
        double[] y = Numbers(c, "labels"), a = Numbers(c, "predictedA"), b = Numbers(c, "predictedB");

        var absolute = PairedT.Test(y.Select((v, i) => Math.Abs(b[i] - v) - Math.Abs(a[i] - v)).ToArray());
        var squared = PairedT.Test(y.Select((v, i) => ((b[i] - v) * (b[i] - v)) - ((a[i] - v) * (a[i] - v))).ToArray());

        Assert.Equal(c.GetProperty("absoluteErrors").GetProperty("t").GetDouble(), absolute.T, Tolerance);
        Assert.Equal(c.GetProperty("absoluteErrors").GetProperty("p").GetDouble(), absolute.PValue, Tolerance);
        Assert.Equal(c.GetProperty("squaredErrors").GetProperty("t").GetDouble(), squared.T, Tolerance);
        Assert.Equal(c.GetProperty("squaredErrors").GetProperty("p").GetDouble(), squared.PValue, Tolerance);
        Assert.Equal(c.GetProperty("absoluteErrors").GetProperty("df").GetInt32(), absolute.DegreesOfFreedom);
    }

    [Theory]
    [MemberData(nameof(ClassificationCases))]
    public void Compare_BinaryFixtureCase_ValuesTestsAndAgreementMatchTheReferences(string name)
    {
        var c = Case("classification", name);
        double[] y = Numbers(c, "labels"), a = Numbers(c, "scoresA"), b = Numbers(c, "scoresB");

        var result = ModelComparison.Compare(TaskType.BinaryClassification, y, [new(1, Classes(a), a), new(2, Classes(b), b)], baseline: 1, resamples: 200);

        Assert.Equal(y.Length, result.EvaluationRows);
        var accuracy = result.Metrics.Single(m => m.Metric == "accuracy");
        Assert.Equal("McNemar", accuracy.Test);
        Assert.Equal(c.GetProperty("accuracyA").GetDouble(), accuracy.Versions[0].Value, Tolerance);
        Assert.Equal(c.GetProperty("accuracyB").GetDouble(), accuracy.Versions[1].Value, Tolerance);
        var mcnemar = c.GetProperty("mcnemar");
        var exact = mcnemar.GetProperty("b").GetInt32() + mcnemar.GetProperty("c").GetInt32() < McNemar.ExactBelow;
        Assert.Equal(mcnemar.GetProperty(exact ? "exactP" : "approxP").GetDouble(), accuracy.Versions[1].PValue!.Value, Tolerance);
        Assert.Null(accuracy.Versions[0].PValue);
        var auc = result.Metrics.Single(m => m.Metric == "roc_auc");
        Assert.Equal(c.GetProperty("delong").GetProperty("aucB").GetDouble(), auc.Versions[1].Value, Tolerance);
        Assert.Equal(c.GetProperty("delong").GetProperty("p").GetDouble(), auc.Versions[1].PValue!.Value, Tolerance);
        var agreement = Assert.Single(result.Agreement);
        Assert.Equal(c.GetProperty("agreement").GetDouble(), agreement.SameLabelShare!.Value, Tolerance);
        Assert.Equal(c.GetProperty("scoreCorrelation").GetDouble(), agreement.ScoreCorrelation!.Value, Tolerance);
        // Every other metric equals the engine's own (scikit-learn-checked) metrics on the same rows.
        var labels = y.Select(v => (int)v).ToArray();
        var reference = ClassificationMetrics.Binary(y, Classes(b), b)!;
        Assert.Equal(reference.F1, result.Metrics.Single(m => m.Metric == "f1").Versions[1].Value, 12);
        Assert.Equal(reference.Precision, result.Metrics.Single(m => m.Metric == "precision").Versions[1].Value, 12);
        Assert.Equal(reference.Recall, result.Metrics.Single(m => m.Metric == "recall").Versions[1].Value, 12);
        Assert.Equal(ClassificationMetrics.LogLossOf(labels, b), result.Metrics.Single(m => m.Metric == "log_loss").Versions[1].Value, 12);
        Assert.Equal(ClassificationMetrics.BrierOf(labels, b), result.Metrics.Single(m => m.Metric == "brier").Versions[1].Value, 12);
    }

    [Theory]
    [MemberData(nameof(RegressionCases))]
    public void Compare_RegressionFixtureCase_ValuesAndPairedTestsMatchScipy(string name)
    {
        var c = Case("regression", name);
        double[] y = Numbers(c, "labels"), a = Numbers(c, "predictedA"), b = Numbers(c, "predictedB");

        var result = ModelComparison.Compare(TaskType.Regression, y, [new(7, a, null), new(9, b, null)], baseline: 7, resamples: 200);

        var mae = result.Metrics.Single(m => m.Metric == "mae");
        var rmse = result.Metrics.Single(m => m.Metric == "rmse");
        Assert.Equal(c.GetProperty("maeA").GetDouble(), mae.Versions[0].Value, Tolerance);
        Assert.Equal(c.GetProperty("maeB").GetDouble(), mae.Versions[1].Value, Tolerance);
        Assert.Equal(c.GetProperty("rmseB").GetDouble(), rmse.Versions[1].Value, Tolerance);
        Assert.Equal(c.GetProperty("absoluteErrors").GetProperty("p").GetDouble(), mae.Versions[1].PValue!.Value, Tolerance);
        Assert.Equal(c.GetProperty("squaredErrors").GetProperty("p").GetDouble(), rmse.Versions[1].PValue!.Value, Tolerance);
        Assert.Equal(c.GetProperty("maeB").GetDouble() - c.GetProperty("maeA").GetDouble(), mae.Versions[1].Difference!.Value, Tolerance);
        Assert.Equal(c.GetProperty("predictionCorrelation").GetDouble(), Assert.Single(result.Agreement).ScoreCorrelation!.Value, Tolerance);
        Assert.Equal(RegressionMetrics.Compute(y, b)!.R2, result.Metrics.Single(m => m.Metric == "r2").Versions[1].Value, 12);
    }

    [Fact]
    public void Compare_ClearlyBetterVersion_SaysSoWithAnIntervalThatExcludesZero()
    {
        var c = Case("regression", "large, B better");
        double[] y = Numbers(c, "labels"), a = Numbers(c, "predictedA"), b = Numbers(c, "predictedB");

        var mae = ModelComparison.Compare(TaskType.Regression, y, [new(2, a, null), new(3, b, null)], baseline: 2).Metrics.Single(m => m.Metric == "mae").Versions[1];

        Assert.True(mae.DifferenceCiHigh < 0);
        Assert.InRange(mae.Difference!.Value, mae.DifferenceCiLow!.Value, mae.DifferenceCiHigh!.Value);
        Assert.InRange(mae.Value, mae.CiLow, mae.CiHigh);
        Assert.Matches(@"^v3's MAE is 0\.58[12] lower than v2's \(95% CI 0\.\d+ to 0\.\d+, p < 0\.001\) on the same 2,000 rows: better\.$", mae.Sentence);
    }

    [Fact]
    public void Compare_NoRealDifference_SaysWithinChance()
    {
        var c = Case("regression", "no real difference");
        double[] y = Numbers(c, "labels"), a = Numbers(c, "predictedA"), b = Numbers(c, "predictedB");

        var mae = ModelComparison.Compare(TaskType.Regression, y, [new(1, a, null), new(2, b, null)], baseline: 1).Metrics.Single(m => m.Metric == "mae").Versions[1];

        Assert.True(mae.DifferenceCiLow < 0 && mae.DifferenceCiHigh > 0);
        Assert.EndsWith("on the same 500 rows: within chance, not a real difference.", mae.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_SameSeed_GivesTheSameIntervalsAndAnotherSeedOthers()
    {
        var c = Case("classification", "medium");
        double[] y = Numbers(c, "labels"), a = Numbers(c, "scoresA"), b = Numbers(c, "scoresB");
        VersionPredictions[] versions = [new(1, Classes(a), a), new(2, Classes(b), b)];

        var first = ModelComparison.Compare(TaskType.BinaryClassification, y, versions, 1, resamples: 300, seed: 5);
        var again = ModelComparison.Compare(TaskType.BinaryClassification, y, versions, 1, resamples: 300, seed: 5);
        var other = ModelComparison.Compare(TaskType.BinaryClassification, y, versions, 1, resamples: 300, seed: 6);

        var f1 = (ModelComparisonResult r) => r.Metrics.Single(m => m.Metric == "f1").Versions[1];
        Assert.Equal(f1(first), f1(again));
        Assert.NotEqual(f1(first).DifferenceCiLow, f1(other).DifferenceCiLow);
    }

    [Fact]
    public void Compare_BinaryDisagreements_AreTheRowsWithAnotherClassMostDifferentFirst()
    {
        double[] y = [1, 0, 1, 0, 1];
        var result = ModelComparison.Compare(TaskType.BinaryClassification, y,
            [new(1, [1, 0, 1, 0, 0], [0.9, 0.2, 0.6, 0.1, 0.45]), new(2, [1, 0, 0, 0, 1], [0.7, 0.2, 0.4, 0.15, 0.8])], baseline: 1, resamples: 50);

        Assert.Equal([4, 2], result.Disagreements);
        Assert.Equal(2, result.DisagreementCount);
        Assert.Equal(0.6, Assert.Single(result.Agreement).SameLabelShare);
    }

    [Fact]
    public void Compare_RegressionDisagreements_AreEveryDifferentRowLargestGapFirst()
    {
        double[] y = [10, 20, 30];
        var result = ModelComparison.Compare(TaskType.Regression, y, [new(1, [11, 19, 33], null), new(2, [11, 25, 31], null)], baseline: 1, resamples: 50);

        Assert.Equal([1, 2], result.Disagreements);
        Assert.Equal(2, result.DisagreementCount);
    }

    [Fact]
    public void Quantile_MatchesNumpyLinearInterpolation()
    {
        double[] values = [3, 1, 4, 1, 5, 9, 2, 6];

        Assert.Equal(1.0, PairedBootstrap.Quantile(values, 0.025), 12); // numpy.quantile(values, 0.025) = 1.0
        Assert.Equal(8.475, PairedBootstrap.Quantile(values, 0.975), 12); // numpy.quantile(values, 0.975) = 8.475
        Assert.Equal(3.5, PairedBootstrap.Quantile(values, 0.5), 12);
    }

    [Theory]
    [InlineData(4.1234, "4.12")]
    [InlineData(0.012345, "0.0123")]
    [InlineData(1234.5, "1,235")]
    [InlineData(-0.5, "−0.5")]
    public void Number_ThreeSignificantDigits(double value, string expected) => Assert.Equal(expected, ModelComparison.Number(value));
}
