using System.Text.Json;
using DataProductDashboard.Analysis.Metrics;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Analysis;

/// <summary>Model-behavior metrics against scikit-learn (Fixtures/metrics.json), to 1e-6.</summary>
public sealed class MetricsTests
{
    private const double Tolerance = 1e-6;

    private static readonly JsonElement Fixture = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(RepoPaths.Root, "DataProductDashboard.Tests", "Fixtures", "metrics.json"))).RootElement;

    public static TheoryData<string> Names(string group)
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixture.GetProperty(group).EnumerateArray())
            data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    private static JsonElement Case(string group, string name) =>
        Fixture.GetProperty(group).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    [Theory]
    [MemberData(nameof(Names), "binary")]
    public void Binary_MatchesScikitLearn(string name)
    {
        var c = Case("binary", name);
        var labels = c.GetProperty("labels").EnumerateArray().Select(v => (double)v.GetInt32()).ToArray();
        var predicted = c.GetProperty("predicted").EnumerateArray().Select(v => (double)v.GetInt32()).ToArray();
        var probability = c.GetProperty("probability").ValueKind == JsonValueKind.Null
            ? [] : c.GetProperty("probability").EnumerateArray().Select(v => v.GetDouble()).ToArray();

        var actual = ClassificationMetrics.Binary(labels, predicted, probability)!;
        var e = c.GetProperty("expected");

        Near(e, "accuracy", actual.Accuracy);
        Near(e, "balancedAccuracy", actual.BalancedAccuracy);
        Near(e, "precision", actual.Precision);
        Near(e, "recall", actual.Recall);
        Near(e, "f1", actual.F1);
        Near(e, "macroPrecision", actual.MacroPrecision);
        Near(e, "macroRecall", actual.MacroRecall);
        Near(e, "macroF1", actual.MacroF1);
        NearOrAbsent(e, "rocAuc", actual.RocAuc);
        NearOrAbsent(e, "logLoss", actual.LogLoss);
        NearOrAbsent(e, "brier", actual.Brier);
        Assert.Equal(e.GetProperty("confusion").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt64()).ToArray()).ToArray(), actual.ConfusionMatrix);
    }

    [Theory]
    [MemberData(nameof(Names), "multiclass")]
    public void Multiclass_MatchesScikitLearn(string name)
    {
        var c = Case("multiclass", name);
        var labels = c.GetProperty("labels").EnumerateArray().Select(v => v.GetString()!).ToList();
        var predicted = c.GetProperty("predicted").EnumerateArray().Select(v => v.GetString()!).ToList();

        var actual = ClassificationMetrics.Multiclass(labels, predicted);
        var e = c.GetProperty("expected");

        Near(e, "accuracy", actual.Accuracy);
        Near(e, "balancedAccuracy", actual.BalancedAccuracy);
        Near(e, "macroPrecision", actual.MacroPrecision);
        Near(e, "macroRecall", actual.MacroRecall);
        Near(e, "macroF1", actual.MacroF1);
        Assert.Equal(e.GetProperty("classes").EnumerateArray().Select(v => v.GetString()), actual.Classes);
        var perClass = e.GetProperty("perClass").EnumerateArray().ToList();
        for (var k = 0; k < perClass.Count; k++)
        {
            Near(perClass[k], "precision", actual.PerClass[k].Precision);
            Near(perClass[k], "recall", actual.PerClass[k].Recall);
            Near(perClass[k], "f1", actual.PerClass[k].F1);
            Assert.Equal(perClass[k].GetProperty("support").GetInt64(), actual.PerClass[k].Support);
        }
        Assert.Equal(e.GetProperty("confusion").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt64()).ToArray()).ToArray(), actual.ConfusionMatrix);
    }

    [Theory]
    [MemberData(nameof(Names), "regression")]
    public void Regression_MatchesScikitLearn(string name)
    {
        var c = Case("regression", name);
        var actual = RegressionMetrics.Compute(
            c.GetProperty("labels").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
            c.GetProperty("predicted").EnumerateArray().Select(v => v.GetDouble()).ToArray())!;
        var e = c.GetProperty("expected");

        Near(e, "mae", actual.Mae);
        Near(e, "rmse", actual.Rmse);
        Near(e, "mape", actual.Mape, relative: true);
        Near(e, "r2", actual.R2);
        Near(e, "medianAbsoluteError", actual.MedianAbsoluteError);
        Near(e, "meanError", actual.MeanError);
    }

    [Fact]
    public void Regression_MissingLabelsAreSkipped()
    {
        var actual = RegressionMetrics.Compute([1, double.NaN, 3], [2, 100, 3])!;

        Assert.Equal(2, actual.Count);
        Assert.Equal(0.5, actual.Mae, 12);
    }

    private static void Near(JsonElement expected, string key, double actual, bool relative = false)
    {
        var e = expected.GetProperty(key).GetDouble();
        var tolerance = relative ? Math.Max(Tolerance, Math.Abs(e) * 1e-9) : Tolerance;
        Assert.True(Math.Abs(actual - e) <= tolerance, $"{key}: expected {e:R}, got {actual:R}");
    }

    private static void NearOrAbsent(JsonElement expected, string key, double? actual)
    {
        if (!expected.TryGetProperty(key, out _))
        {
            Assert.Null(actual);
            return;
        }
        Assert.NotNull(actual);
        Near(expected, key, actual.Value);
    }
}
