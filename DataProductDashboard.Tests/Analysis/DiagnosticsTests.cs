using System.Text.Json;
using DataProductDashboard.Analysis.Models;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Analysis;

/// <summary>A version's diagnostics against scikit-learn 1.2.1 / numpy 1.24.2 reference values in
/// Fixtures/diagnostics.json (made by Fixtures/generate_diagnostics_fixtures.py).</summary>
public sealed class DiagnosticsTests
{
    private const double Tolerance = 1e-6;

    private static readonly JsonElement Fixture = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(RepoPaths.Root, "DataProductDashboard.Tests", "Fixtures", "diagnostics.json"))).RootElement;

    public static TheoryData<string> BinaryCases() => [.. Fixture.GetProperty("binary").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    private static JsonElement Case(string name) => Fixture.GetProperty("binary").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static double[] Numbers(JsonElement e) => [.. e.EnumerateArray().Select(v => v.GetDouble())];

    private static void Equal(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], actual[i], Tolerance);
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void RocCurve_FixtureCase_MatchesSklearnWithoutDroppingPoints(string name)
    {
        var c = Case(name);

        var (fpr, tpr, thresholds) = Diagnostics.RocCurve(Numbers(c.GetProperty("labels")), Numbers(c.GetProperty("scores")));

        Equal(Numbers(c.GetProperty("roc").GetProperty("fpr")), fpr);
        Equal(Numbers(c.GetProperty("roc").GetProperty("tpr")), tpr);
        Equal(Numbers(c.GetProperty("roc").GetProperty("thresholds")), thresholds);
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void PrecisionRecallCurve_FixtureCase_MatchesSklearnAndItsAveragePrecision(string name)
    {
        var c = Case(name);
        var expected = c.GetProperty("pr");

        var (precision, recall, thresholds) = Diagnostics.PrecisionRecallCurve(Numbers(c.GetProperty("labels")), Numbers(c.GetProperty("scores")));

        Equal(Numbers(expected.GetProperty("precision")), precision);
        Equal(Numbers(expected.GetProperty("recall")), recall);
        Equal(Numbers(expected.GetProperty("thresholds")), thresholds);
        Assert.Equal(expected.GetProperty("averagePrecision").GetDouble(), Diagnostics.AveragePrecision(precision, recall), Tolerance);
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void Binary_FixtureCase_CalibrationConfusionAndThresholdsMatchSklearn(string name)
    {
        var c = Case(name);
        var labels = Numbers(c.GetProperty("labels"));
        var scores = Numbers(c.GetProperty("scores"));

        var result = Diagnostics.Binary(labels, [.. scores.Select(s => s >= 0.5 ? 1.0 : 0.0)], scores);

        var calibration = c.GetProperty("calibration");
        Equal(Numbers(calibration.GetProperty("fractionPositive")), [.. result.Calibration.Select(b => b.FractionPositive)]);
        Equal(Numbers(calibration.GetProperty("meanPredicted")), [.. result.Calibration.Select(b => b.MeanPredicted)]);
        Assert.Equal(calibration.GetProperty("ece").GetDouble(), result.ExpectedCalibrationError, Tolerance);
        Assert.Equal(calibration.GetProperty("brier").GetDouble(), result.Brier, Tolerance);
        Assert.Equal(labels.Length, result.Calibration.Sum(b => b.Count));
        var confusion = c.GetProperty("confusion");
        Assert.Equal([.. confusion.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt64()).ToArray())], result.Confusion);
        Assert.Equal(c.GetProperty("pr").GetProperty("averagePrecision").GetDouble(), result.AveragePrecision, Tolerance);
        foreach (var expected in c.GetProperty("thresholds").EnumerateArray())
        {
            var row = result.Thresholds.Single(t => Math.Abs(t.Threshold - expected.GetProperty("threshold").GetDouble()) < 1e-9);
            Assert.Equal(expected.GetProperty("precision").GetDouble(), row.Precision, Tolerance);
            Assert.Equal(expected.GetProperty("recall").GetDouble(), row.Recall, Tolerance);
            Assert.Equal(expected.GetProperty("f1").GetDouble(), row.F1, Tolerance);
        }
        Assert.Equal(labels.Count(l => l == 1), result.PositiveScores.Sum());
        Assert.Equal(labels.Count(l => l == 0), result.NegativeScores.Sum());
        Assert.True(result.Roc.Length <= Diagnostics.MaxCurvePoints);
        Assert.Equal((0.0, 0.0), (result.Roc[0].X, result.Roc[0].Y));
        Assert.Equal((1.0, 1.0), (result.Roc[^1].X, result.Roc[^1].Y));
    }

    [Fact]
    public void Regression_FixtureCase_ResidualHistogramMatchesNumpy()
    {
        var c = Fixture.GetProperty("regression")[0];
        var labels = Numbers(c.GetProperty("labels"));

        var result = Diagnostics.Regression(labels, Numbers(c.GetProperty("predicted")));

        Equal(Numbers(c.GetProperty("residualEdges")), result.ResidualEdges);
        Assert.Equal([.. c.GetProperty("residualCounts").EnumerateArray().Select(v => v.GetInt64())], result.ResidualCounts);
        Assert.Equal(labels.Length, result.Actual.Length); // 500 rows: no sampling below 2,000
    }

    [Fact]
    public void Regression_ManyRows_SamplesTheSameRowsForTheSameSeed()
    {
        var labels = Enumerable.Range(0, 5_000).Select(i => (double)i).ToArray();

        var first = Diagnostics.Regression(labels, labels, seed: 3);
        var again = Diagnostics.Regression(labels, [.. labels.Select(l => l + 1)], seed: 3);

        Assert.Equal(Diagnostics.MaxScatterPoints, first.Actual.Length);
        Assert.Equal(first.Actual, again.Actual);
        Assert.Equal(first.Actual.Select(a => a + 1), again.Predicted);
    }
}
