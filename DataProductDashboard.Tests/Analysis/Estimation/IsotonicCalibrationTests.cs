using DataProductDashboard.Analysis.Estimation;

namespace DataProductDashboard.Tests.Analysis.Estimation;

/// <summary><see cref="IsotonicCalibration"/> against scikit-learn 1.2.1 <c>IsotonicRegression(increasing=True,
/// out_of_bounds="clip", y_min=0, y_max=1)</c> (Fixtures/estimation.json, "isotonic"), to 1e-9; plus the behaviour
/// the engine defines itself (NaN predictions, argument checks).</summary>
public sealed class IsotonicCalibrationTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<string> Cases => EstimationFixture.Names("isotonic");

    private static IsotonicCalibration FitCase(string name)
    {
        var c = EstimationFixture.Case("isotonic", name);
        var weights = c.GetProperty("weights");
        return IsotonicCalibration.Fit(
            EstimationFixture.Numbers(c.GetProperty("x")),
            EstimationFixture.Numbers(c.GetProperty("y")),
            weights.ValueKind == System.Text.Json.JsonValueKind.Null ? default : EstimationFixture.Numbers(weights));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_FixtureCase_ThresholdsMatchSklearn(string name)
    {
        var expected = EstimationFixture.Case("isotonic", name).GetProperty("expected");

        var calibration = FitCase(name);

        EstimationFixture.Near(EstimationFixture.Numbers(expected.GetProperty("xThresholds")), calibration.Thresholds, Tolerance, "X_thresholds_");
        EstimationFixture.Near(EstimationFixture.Numbers(expected.GetProperty("yThresholds")), calibration.Values, Tolerance, "y_thresholds_");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Predict_FixtureGrid_MatchesSklearn(string name)
    {
        var expected = EstimationFixture.Case("isotonic", name).GetProperty("expected");
        var grid = EstimationFixture.Numbers(expected.GetProperty("grid"));
        var predictions = EstimationFixture.Numbers(expected.GetProperty("predictions"));

        var calibration = FitCase(name);
        var batch = calibration.Predict(grid);

        EstimationFixture.Near(predictions, batch, Tolerance, "predict");
        for (var i = 0; i < grid.Length; i++)
            Assert.Equal(batch[i], calibration.Predict(grid[i]));
    }

    [Fact]
    public void Predict_NaN_ReturnsNaN()
    {
        var calibration = IsotonicCalibration.Fit([0.1, 0.5, 0.9], [0, 1, 1]);
        var single = IsotonicCalibration.Fit([2.0, 2.0], [0.2, 0.4]);

        Assert.True(double.IsNaN(calibration.Predict(double.NaN)));
        Assert.True(double.IsNaN(single.Predict(double.NaN)));
        var batch = calibration.Predict([0.3, double.NaN]);
        Assert.Equal(0.5, batch[0], 12);
        Assert.True(double.IsNaN(batch[1]));
    }

    [Fact]
    public void Predict_OutsideFittedRange_ClipsToEndValues()
    {
        var calibration = IsotonicCalibration.Fit([1.0, 2.0, 3.0], [0.1, 0.5, 0.8]);

        Assert.Equal(0.1, calibration.Predict(-100));
        Assert.Equal(0.8, calibration.Predict(100));
        Assert.Equal(0.1, calibration.Predict(double.NegativeInfinity));
        Assert.Equal(0.8, calibration.Predict(double.PositiveInfinity));
        Assert.Equal(0.3, calibration.Predict(1.5), 12);
    }

    [Fact]
    public void Predict_RandomNoisyData_IsNonDecreasingAndWithinUnitInterval()
    {
        var random = new Random(11);
        var x = Enumerable.Range(0, 500).Select(_ => Math.Round(random.NextDouble() * 4 - 2, 2)).ToArray();
        var y = x.Select(v => (1 / (1 + Math.Exp(-v))) + ((random.NextDouble() - 0.5) * 1.5)).ToArray();

        var calibration = IsotonicCalibration.Fit(x, y);
        var predictions = calibration.Predict(Enumerable.Range(0, 801).Select(i => -3 + (i * 0.0075)).ToArray());

        Assert.All(predictions, p => Assert.InRange(p, 0.0, 1.0));
        for (var i = 1; i < predictions.Length; i++)
            Assert.True(predictions[i] >= predictions[i - 1], $"prediction {i} decreases: {predictions[i - 1]:R} -> {predictions[i]:R}");
        Assert.True(calibration.Values[0] < calibration.Values[^1]);
    }

    [Fact]
    public void Fit_InputOrder_DoesNotChangeTheFit()
    {
        var random = new Random(5);
        var x = Enumerable.Range(0, 200).Select(_ => Math.Round(random.NextDouble(), 1)).ToArray();
        var y = x.Select(v => random.NextDouble() < v ? 1.0 : 0.0).ToArray();
        var permutation = Enumerable.Range(0, 200).OrderBy(_ => random.Next()).ToArray();

        var a = IsotonicCalibration.Fit(x, y);
        var b = IsotonicCalibration.Fit(permutation.Select(i => x[i]).ToArray(), permutation.Select(i => y[i]).ToArray());

        Assert.Equal(a.Thresholds, b.Thresholds);
        EstimationFixture.Near(a.Values, b.Values, 1e-12, "values");
    }

    [Fact]
    public void Fit_ZeroWeight_IgnoresTheRow()
    {
        var withOutlier = IsotonicCalibration.Fit([1.0, 2.0, 3.0, 4.0], [0.2, 0.4, 0.0, 0.9], [1, 1, 0, 1]);
        var without = IsotonicCalibration.Fit([1.0, 2.0, 4.0], [0.2, 0.4, 0.9]);

        Assert.Equal(without.Thresholds, withOutlier.Thresholds);
        Assert.Equal(without.Values, withOutlier.Values);
    }

    [Fact]
    public void Thresholds_AreReadOnly()
    {
        var calibration = IsotonicCalibration.Fit([1.0, 2.0], [0.2, 0.6]);

        Assert.Throws<NotSupportedException>(() => ((IList<double>)calibration.Thresholds)[0] = 5);
        Assert.Throws<NotSupportedException>(() => ((IList<double>)calibration.Values)[0] = 5);
    }

    [Fact]
    public void Fit_LengthsDiffer_Throws()
    {
        Assert.Throws<ArgumentException>(() => IsotonicCalibration.Fit([1.0, 2.0], [0.5]));
        Assert.Throws<ArgumentException>(() => IsotonicCalibration.Fit([1.0, 2.0], [0.5, 0.6], [1.0]));
    }

    [Fact]
    public void Fit_NaNOrInfiniteValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => IsotonicCalibration.Fit([1.0, double.NaN], [0.5, 0.6]));
        Assert.Throws<ArgumentException>(() => IsotonicCalibration.Fit([1.0, 2.0], [0.5, double.PositiveInfinity]));
        Assert.Throws<ArgumentException>(() => IsotonicCalibration.Fit([1.0, 2.0], [0.5, 0.6], [1.0, double.NaN]));
    }

    [Fact]
    public void Fit_NoPositiveWeight_Throws()
    {
        Assert.Throws<ArgumentException>(() => IsotonicCalibration.Fit([], []));
        Assert.Throws<ArgumentException>(() => IsotonicCalibration.Fit([1.0, 2.0], [0.5, 0.6], [0.0, -1.0]));
    }
}
